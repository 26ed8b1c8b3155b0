import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// `npm run demo` runs this bundle, not the sources the other tests import: a dependency that
// only breaks once bundled (a dynamic require of a Node built-in, say) shows up only here.
const mainScript = fileURLToPath(new URL("../../dist/server/main.js", import.meta.url));

let demo: ChildProcess;
let origin: string;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "plugboard-built-demo-"));
  demo = spawn(process.execPath, [mainScript], {
    env: { ...process.env, PORT: "0", DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  demo.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const exited = once(demo, "exit").then(([code]) => {
    throw new Error(`the built demo exited with ${code} before it listened:\n${stderr}`);
  });
  const listening = (async () => {
    const output = demo.stdout;
    if (!output) throw new Error("the built demo has no output to read");
    for await (const line of createInterface({ input: output })) {
      const page = /^Plugboard demo host app: (\S+)/.exec(line)?.[1];
      if (page) return page.replace("localhost", "127.0.0.1");
    }
    throw new Error(`the built demo closed its output before it listened:\n${stderr}`);
  })();
  origin = await Promise.race([listening, exited]);
});

afterAll(async () => {
  if (demo.exitCode === null) {
    const exited = once(demo, "exit");
    demo.kill("SIGTERM");
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the built demo (`npm run demo`)", () => {
  it("serves the settings page and the catalog from its bundle", async () => {
    const page = await fetch(origin);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');

    const catalog = await fetch(`${origin}/api/plugboard/integrations`);
    expect(catalog.status).toBe(200);
    const body = (await catalog.json()) as { data: { id: string; available: boolean }[] };
    const available = body.data.filter((entry) => entry.available).map((entry) => entry.id);
    expect(available).toEqual(expect.arrayContaining(["github", "slack", "google-calendar"]));
  });

  it("stops cleanly on SIGTERM", async () => {
    const exited = once(demo, "exit");
    demo.kill("SIGTERM");
    const [code] = await exited;
    expect(code).toBe(0);
  });
});
