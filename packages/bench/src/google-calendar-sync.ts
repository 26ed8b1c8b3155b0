import type { HostIssue } from "@plugboard/core";
import { listenOnLoopback, startGoogleSimulator } from "@plugboard/provider-simulators/node";
import {
  createPlugboard,
  generateEncryptionKey,
  type HostPort,
  memoryStore,
  sealOAuthTokens,
} from "@plugboard/server";
import { toNodeHandler } from "@plugboard/server/node";
import { createMemoryHost } from "@plugboard/server/testing";
import { formatTable, type Suite } from "./harness";

const issueCount = Number(process.env.PLUGBOARD_BENCH_CALENDAR_ISSUES ?? 10_000);
const moves = 60;
const installationId = "ins_bench_google";

/**
 * The calendar sync against the Google simulator on loopback, with the kit itself on loopback so
 * Google's pushes reach it: the first sync of 10,000 issues with quota answers (429) injected
 * (events written per second), then a person moving events one at a time and the time from the
 * move until the host port sees the new due date (push → job → incremental sync → host).
 */
export const googleCalendarSync: Suite = {
  name: "Google Calendar sync",
  async run() {
    const google = await startGoogleSimulator();
    const at = new Date().toISOString();
    const issues: HostIssue[] = Array.from({ length: issueCount }, (_, index) => ({
      id: `iss_${String(index).padStart(5, "0")}`,
      key: `WEB-${index + 1}`,
      projectId: "prj_web",
      title: `Issue ${index + 1}`,
      description: null,
      stateId: "st_todo",
      priority: null,
      assigneeId: null,
      dueDate: `2026-12-${String((index % 28) + 1).padStart(2, "0")}`,
      url: `https://tracker.test/issues/WEB-${index + 1}`,
      createdAt: at,
      updatedAt: at,
    }));
    const memory = createMemoryHost({
      projects: [{ id: "prj_web", key: "WEB", name: "Web" }],
      issues,
    });
    const seen = new Map<string, (at: number) => void>();
    const base = memory.port.issues as Required<NonNullable<HostPort["issues"]>>;
    const host: HostPort = {
      ...memory.port,
      issues: {
        ...base,
        async update(call, issueId, changes) {
          const updated = await base.update(call, issueId, changes);
          seen.get(issueId)?.(performance.now());
          return updated;
        },
      },
    };
    let pushUrl = "";
    const store = memoryStore();
    const plugboard = createPlugboard({
      store,
      authenticate: () => ({ userId: "usr_ada", organizationId: "org_acme", role: "admin" }),
      encryption: { currentKeyId: "k1", keys: { k1: generateEncryptionKey() } },
      logger: { warn: () => {}, error: () => {} },
      host,
      jobs: { pollIntervalMs: 5 },
      providers: {
        "google-calendar": {
          clientId: google.simulation.clientId,
          clientSecret: google.simulation.clientSecret,
          baseUrls: { calendar: `${google.origin}/calendar/v3` },
          sync: { notificationsUrl: () => pushUrl, backoffBaseMs: 50 },
        },
      },
    });
    const server = await listenOnLoopback(toNodeHandler(plugboard.handler));
    pushUrl = `${server.origin}/api/plugboard/providers/google-calendar/notifications`;
    const grant = google.simulation.grant();
    await store.installations.create({
      id: installationId,
      provider: "google-calendar",
      organizationId: "org_acme",
      projectId: null,
      level: "user",
      status: "active",
      externalAccountName: "ada@acme.example",
      externalAccountId: "110169484474386276334",
      scopes: [],
      installedBy: "usr_ada",
      secret: await sealOAuthTokens(plugboard, installationId, {
        accessToken: grant.accessToken,
        refreshToken: grant.refreshToken,
        expiresAt: Date.now() + 3_600_000,
      }),
      createdAt: Date.now(),
      updatedAt: Date.now(),
    });
    const calendar = google.simulation.calendar;
    try {
      // One call in 40 answers 429, 250 times over the run.
      calendar.injectRateLimit(250, { status: 429, every: 40 });
      const started = performance.now();
      const saved = await plugboard.handler(
        new Request(
          `${server.origin}/api/plugboard/google-calendar/connections/${installationId}/sync`,
          {
            method: "PUT",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ calendarId: "primary@sim.example", projectIds: ["prj_web"] }),
          },
        ),
      );
      if (!saved.ok) throw new Error(`saving the sync answered ${saved.status}`);
      for (;;) {
        const ran = await plugboard.worker.runDue();
        if (ran.claimed === 0 && ran.scheduled === 0) break;
      }
      const seconds = (performance.now() - started) / 1000;
      const written = calendar.visibleEvents("primary@sim.example").length;
      if (written !== issueCount) throw new Error(`${written} events, expected ${issueCount}`);
      await calendar.settled();

      plugboard.worker.start();
      const events = calendar.visibleEvents("primary@sim.example");
      const latencies: number[] = [];
      for (let index = 0; index < moves; index++) {
        const event = events[index] as {
          id: string;
          extendedProperties: { private: { issueId: string } };
        };
        const issueId = event.extendedProperties.private.issueId;
        const arrived = new Promise<number>((resolve) => seen.set(issueId, resolve));
        const moved = performance.now();
        calendar.moveToDay("primary@sim.example", event.id, "2027-01-15");
        latencies.push((await arrived) - moved);
      }
      await plugboard.worker.stop();
      latencies.sort((a, b) => a - b);
      const percentile = (p: number) =>
        latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
      console.log(
        formatTable(
          ["measure", "value"],
          [
            ["initial sync: issues → events", String(issueCount)],
            ["initial sync: seconds", seconds.toFixed(2)],
            ["initial sync: events/s", Math.round(issueCount / seconds).toLocaleString("en-US")],
            ["quota answers (429) backed off", String(calendar.throttled)],
            ["events.insert calls", String(calendar.requests.get("events.insert") ?? 0)],
            [`push → host update p50 (${moves} moves)`, `${percentile(50).toFixed(1)} ms`],
            ["push → host update p99", `${percentile(99).toFixed(1)} ms`],
          ],
        ),
      );
    } finally {
      await server.close();
      await google.close();
      await store.close();
    }
  },
};
