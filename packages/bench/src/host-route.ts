import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { ask, forkModule, killChild } from "./child-process";
import { formatRate, formatTable, type Suite } from "./harness";
import type { CpuSample, HostRouteConfig, HostRouteStats, Variant } from "./host-route-config";
import { withPostgresSchema } from "./postgres-schema";

const target = 0.8;
const variants: Variant[] = ["plugboard", "by-hand", "unguarded"];
// Bounded load: a fixed number of connections for a fixed time, on loopback only.
const connections = 16;
const warmupSeconds = 1;
const roundSeconds = 2;
const rounds = 3;

const redisUrl = process.env.PLUGBOARD_BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";

/** Requests per second of one bounded autocannon run, and how many were not 2xx. */
async function load(url: string, secret: string, seconds: number) {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${secret}`, "user-agent": "autocannon" },
  });
  return { rate: result.requests.average, failed: result.non2xx + result.errors };
}

async function measure(name: string, config: HostRouteConfig): Promise<void> {
  const servers = [];
  try {
    for (const variant of variants) {
      const { child, ready } = await forkModule<{ port: number; secret: string }>(
        "./host-route-server.ts",
        [variant, JSON.stringify(config)],
      );
      servers.push({ variant, child, url: `http://127.0.0.1:${ready.port}/issues`, ...ready });
    }
    for (const server of servers) await load(server.url, server.secret, warmupSeconds);
    // Rounds alternate between the variants, so load from elsewhere hits them all alike. The
    // server's own CPU time per request is taken too: on a busy machine it moves far less than
    // req/s, because it does not count the time the server waited for a core.
    const rates = servers.map((): number[] => []);
    const cpuPerRequest = servers.map((): number[] => []);
    let failed = 0;
    for (let round = 0; round < rounds; round++) {
      for (const [index, server] of servers.entries()) {
        const before = await ask<CpuSample>(server.child, "cpu");
        const result = await load(server.url, server.secret, roundSeconds);
        const after = await ask<CpuSample>(server.child, "cpu");
        rates[index]?.push(result.rate);
        cpuPerRequest[index]?.push(
          (after.cpuMicros - before.cpuMicros) / (after.served - before.served),
        );
        failed += result.failed;
      }
    }
    const stats = await Promise.all(
      servers.map((server) => ask<HostRouteStats>(server.child, "stats")),
    );
    const [ours = 0, byHand = 0, open = 0] = rates.map(median);
    const [oursCpu = 0, byHandCpu = 0, openCpu = 0] = cpuPerRequest.map(median);
    const ratio = ours / byHand;
    const cpuRatio = byHandCpu / oursCpu;
    const floor = (value: number) => `${(Math.floor(value * 100) / 100).toFixed(2)}×`;
    console.log(
      formatTable(
        [
          "store",
          "measure",
          "plugboard",
          "by hand",
          "unguarded",
          "plugboard/by hand",
          `≥ ${target}×`,
        ],
        [
          [
            name,
            "req/s",
            formatRate(ours),
            formatRate(byHand),
            formatRate(open),
            floor(ratio),
            ratio >= target ? "yes" : "no",
          ],
          [
            "",
            "server CPU µs/request",
            oursCpu.toFixed(0),
            byHandCpu.toFixed(0),
            openCpu.toFixed(0),
            floor(cpuRatio),
            cpuRatio >= target ? "yes" : "no",
          ],
        ],
      ),
    );
    console.log(
      [
        "",
        `Medians of ${rounds} interleaved ${roundSeconds} s autocannon rounds (${connections} connections, loopback) after a ${warmupSeconds} s warm-up; ${failed} responses not 2xx.`,
        "The CPU row's ratio is by hand ÷ plugboard (requests per CPU second); it holds on a busy machine, req/s does not.",
        `peak RSS: ${stats.map((s, i) => `${variants[i]} ${s.peakRssMiB.toFixed(0)} MiB`).join(", ")}`,
      ].join("\n"),
    );
    for (const [index, s] of stats.entries()) {
      if (s.usageRows === null) continue;
      const exact = s.usageRows === s.served;
      console.log(
        `${exact ? "PASS" : "FAIL"}: ${variants[index]} stored ${s.usageRows} usage rows for ${s.served} requests served`,
      );
    }
  } finally {
    await Promise.all(servers.map((server) => killChild(server.child)));
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export const hostRouteSqlite: Suite = {
  name: "Host route behind apiKeyMiddleware (Express, SQLite)",
  async run() {
    const directory = await mkdtemp(join(tmpdir(), "plugboard-route-"));
    try {
      await measure("SQLite", {
        backend: "sqlite",
        directory,
        postgresUrl: "",
        redisUrl: "",
        redisPrefix: "",
      });
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  },
};

export const hostRoutePostgres: Suite = {
  name: "Host route behind apiKeyMiddleware (Express, PostgreSQL + Redis)",
  run: () =>
    withPostgresSchema("route", (postgresUrl, schema) =>
      measure("PostgreSQL + Redis", {
        backend: "postgres",
        directory: "",
        postgresUrl,
        redisUrl,
        redisPrefix: `${schema}:`,
      }),
    ),
};
