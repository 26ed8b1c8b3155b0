import { lookup } from "node:dns/promises";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { listenOnLoopback } from "@plugboard/provider-simulators/node";
import { createPlugboard, type ResolveHost } from "@plugboard/server";
import { toNodeHandler } from "@plugboard/server/node";
import { sqliteStore } from "@plugboard/server/sqlite";
import express from "express";
import { demoApi } from "./demo-api";
import { demoIdentity } from "./demo-identity";
import { demoProviders } from "./demo-providers";
import { demoReceiver } from "./demo-receiver";
import { startDemoSimulators } from "./demo-simulators";
import { demoSso } from "./demo-sso";
import { demoTrackerApi } from "./demo-tracker-api";
import { loadDemoKeyring } from "./encryption-key";
import type { TrackerContext } from "./tracker/context";
import { openTrackerDatabase } from "./tracker/database";
import { trackerHostPort } from "./tracker/host-port";

/** Every address DNS has for a name, as Plugboard's default resolver answers. */
async function lookupAll(hostname: string): Promise<string[]> {
  return (await lookup(hostname, { all: true })).map((entry) => entry.address);
}

export interface HostAppOptions {
  /** Where the SQLite files and the demo's encryption key live. */
  dataDir: string;
  /** The built settings page (vite build output). */
  clientDir: string;
  /** Replaces DNS for the webhook URL guard (tests, on a machine that may be offline). */
  resolveHost?: ResolveHost;
  /** PLUGBOARD_DEMO_SIMULATORS=0 and a real GitHub app's credentials; the *_SIMULATOR_PORTs. */
  env?: NodeJS.ProcessEnv;
}

/**
 * An Express host app: a small tracker of its own (issues in `tracker.db`), Plugboard mounted at
 * /api/plugboard on `plugboard.db`, the page beside them, and the simulated providers.
 */
export async function createHostApp({
  dataDir,
  clientDir,
  resolveHost,
  env = process.env,
}: HostAppOptions) {
  mkdirSync(dataDir, { recursive: true });
  const simulators = env.PLUGBOARD_DEMO_SIMULATORS === "0" ? null : await startDemoSimulators(env);
  const store = await sqliteStore(join(dataDir, "plugboard.db"));
  // Known once the app listens (the port may be 0 in tests).
  let origin = "http://localhost";
  const tracker: TrackerContext = {
    db: openTrackerDatabase(join(dataDir, "tracker.db")),
    appOrigin: () => origin,
    publish: (event) => plugboard.events.publish(event),
    now: () => new Date(),
  };
  const sso = demoSso(() => origin);
  const plugboard = createPlugboard({
    store,
    authenticate: demoIdentity,
    encryption: loadDemoKeyring(dataDir),
    // Plugboard changes the tracker's issues through the host port (a merged PR closes one).
    host: trackerHostPort(tracker),
    providers: demoProviders(simulators, tracker, env),
    // `sk_test_…` keys, 60 requests a minute unless the creator picks another limit.
    apiKeys: { environment: "test", defaultRateLimitPerMinute: 60 },
    // The demo receiver (/demo-receiver) is plain http on this machine: a production host
    // keeps the defaults (https only, public addresses only).
    webhooks: {
      allowHttp: true,
      allowAddresses: ["127.0.0.0/8", "::1"],
      ...(simulators
        ? simulators.pumbleWebhooks(resolveHost ?? lookupAll)
        : resolveHost
          ? { resolveHost }
          : {}),
    },
    sso: sso.sso,
    // Jira import into the tracker, from the simulated Jira Cloud (a real site without simulators).
    jiraImport: simulators?.jiraImport ?? {},
  });

  const app = express();
  // Mounted before any body parser: the kit reads raw bodies itself (signatures need the bytes).
  app.use(plugboard.basePath, toNodeHandler(plugboard.handler, { maxBodyBytes: 256 * 1024 }));
  app.use("/demo-tracker", demoTrackerApi(tracker));
  app.use("/demo-api", demoApi(plugboard, tracker));
  app.use("/demo-receiver", demoReceiver(tracker));
  // Where the settings page finds the simulated Pumble: the URL to paste, and its channel.
  app.get("/demo-pumble", (_req, res) => {
    if (!simulators) return void res.status(404).json({ error: "Simulators are off" });
    res.json({
      webhookUrl: simulators.pumble.simulation.webhookUrl,
      channelUrl: simulators.pumble.channelUrl,
    });
  });
  app.use("/demo-auth", sso.router);
  app.use(express.static(clientDir));
  app.get("/{*path}", (_req, res) => res.sendFile(join(clientDir, "index.html")));
  plugboard.dispatcher.start();
  // Housekeeping (pruning logs, expired OAuth states, finished jobs) runs on the worker.
  plugboard.worker.start();
  return {
    app,
    plugboard,
    simulators,
    tracker,
    /** Listens (loopback unless `host` says otherwise) and points GitHub's webhook at the app. */
    async listen(port: number, host?: string) {
      const server = await listenOnLoopback(app, { port, ...(host ? { host } : {}) });
      origin = server.origin;
      simulators?.connect(`${origin}${plugboard.basePath}`);
      return server;
    },
    close: async () => {
      await plugboard.dispatcher.stop();
      await plugboard.worker.stop();
      await store.close();
      tracker.db.close();
      await simulators?.close();
    },
  };
}

export type HostApp = Awaited<ReturnType<typeof createHostApp>>;
