import { lookup } from "node:dns/promises";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHostApp, type HostApp } from "./app";

export interface TestHostApp {
  /** `http://127.0.0.1:<port>`: the app on a free loopback port, so test files can run at once. */
  origin: string;
  /** The running app: its simulators (GitHub's pull requests), tracker and Plugboard. */
  host: HostApp;
  /** Plugboard's SQLite file and its write-ahead log as text, to check what did (not) reach the disk. */
  readDatabase(): string;
  /** Closes the server, stops the dispatcher, the stores and the simulators, deletes the data. */
  stop(): Promise<void>;
}

/**
 * The host app as main.ts starts it, on a fresh data directory, with its simulators on free
 * ports. Without `clientDir` it serves no page, so API-only tests need no `vite build` output.
 */
export async function startTestHostApp(clientDir?: string): Promise<TestHostApp> {
  const dataDir = mkdtempSync(join(tmpdir(), "plugboard-host-app-"));
  const host = await createHostApp({
    dataDir,
    clientDir: clientDir ?? join(dataDir, "no-client"),
    // Pumble's host as it resolves on the internet; this machine may be offline.
    resolveHost: async (name) =>
      /(^|\.)pumble\.com$/.test(name)
        ? ["93.184.216.34"]
        : (await lookup(name, { all: true })).map((entry) => entry.address),
    env: {},
  });
  const server = await host.listen(0);
  return {
    origin: server.origin,
    host,
    readDatabase: () =>
      ["plugboard.db", "plugboard.db-wal"]
        .map((name) => {
          try {
            return readFileSync(join(dataDir, name)).toString("latin1");
          } catch {
            // A file SQLite has not created (yet) holds nothing.
            return "";
          }
        })
        .join(""),
    async stop() {
      await server.close();
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
