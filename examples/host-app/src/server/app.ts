import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { createPlugboard, type ResolveHost } from "@plugboard/server";
import { toNodeHandler } from "@plugboard/server/node";
import { sqliteStore } from "@plugboard/server/sqlite";
import express from "express";
import { demoApi } from "./demo-api";
import { demoIdentity } from "./demo-identity";
import { demoProviders } from "./demo-providers";
import { demoReceiver } from "./demo-receiver";
import { loadDemoKeyring } from "./encryption-key";

export interface HostAppOptions {
  /** Where the SQLite file and the demo's encryption key live. */
  dataDir: string;
  /** The built settings page (vite build output). */
  clientDir: string;
  /** Replaces DNS for the webhook URL guard (tests, on a machine that may be offline). */
  resolveHost?: ResolveHost;
}

/** An Express host app: Plugboard mounted at /api/plugboard, the settings page beside it. */
export async function createHostApp({ dataDir, clientDir, resolveHost }: HostAppOptions) {
  mkdirSync(dataDir, { recursive: true });
  const store = await sqliteStore(join(dataDir, "plugboard.db"));
  const oauth = demoProviders();
  const plugboard = createPlugboard({
    store,
    authenticate: demoIdentity,
    encryption: loadDemoKeyring(dataDir),
    providers: oauth.providers,
    // `sk_test_…` keys, 60 requests a minute unless the creator picks another limit.
    apiKeys: { environment: "test", defaultRateLimitPerMinute: 60 },
    // The demo receiver (/demo-receiver) is plain http on this machine: a production host
    // keeps the defaults (https only, public addresses only).
    webhooks: {
      allowHttp: true,
      allowAddresses: ["127.0.0.0/8", "::1"],
      ...(resolveHost ? { resolveHost } : {}),
    },
  });

  const app = express();
  app.use((req, _res, next) => {
    oauth.rememberOrigin(req);
    next();
  });
  if (oauth.fake) app.use("/fake-oauth", toNodeHandler(oauth.fake.handler));
  // Mounted before any body parser: the kit reads raw bodies itself (signatures need the bytes).
  app.use(plugboard.basePath, toNodeHandler(plugboard.handler, { maxBodyBytes: 256 * 1024 }));
  app.use("/demo-api", demoApi(plugboard));
  app.use("/demo-receiver", demoReceiver(plugboard));
  app.use(express.static(clientDir));
  app.get("/{*path}", (_req, res) => res.sendFile(join(clientDir, "index.html")));
  plugboard.dispatcher.start();
  // Housekeeping (pruning logs, expired OAuth states, finished jobs) runs on the worker.
  plugboard.worker.start();
  return {
    app,
    plugboard,
    close: async () => {
      await plugboard.dispatcher.stop();
      await plugboard.worker.stop();
      await store.close();
    },
  };
}
