import { lookup } from "node:dns/promises";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHostApp } from "./app";

export interface TestHostApp {
  /** `http://127.0.0.1:<port>`: the app on a free loopback port, so test files can run at once. */
  origin: string;
  /** The SQLite file and its write-ahead log as text, to check what did (not) reach the disk. */
  readDatabase(): string;
  /** Closes the server, stops the dispatcher and the store, and deletes the data directory. */
  stop(): Promise<void>;
}

/**
 * The host app as main.ts starts it, on a fresh data directory. Without `clientDir` it serves no
 * settings page, so API-only tests do not need the `vite build` output.
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
  });
  const server = host.app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
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
      // Keep-alive connections from fetch and Chromium would otherwise hold close() open.
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
