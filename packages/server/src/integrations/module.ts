import { defineModule } from "../module";
import { installations } from "./migrations/0001-installations";
import { oauth } from "./migrations/0004-oauth";
import { installationAccounts } from "./migrations/0008-installation-accounts";
import { authorizeIntegration } from "./routes/authorize-integration";
import { deleteInstallation } from "./routes/delete-installation";
import { getIntegration } from "./routes/get-integration";
import { installWebhookIntegration } from "./routes/install-webhook-integration";
import { listIntegrations } from "./routes/list-integrations";
import { oauthCallback } from "./routes/oauth-callback";
import { memoryInstallations } from "./store/memory-installations";
import { memoryOAuthStates } from "./store/memory-oauth-states";
import type { IntegrationsStoreSlice } from "./store/slice";
import { sqlInstallations } from "./store/sql-installations";
import { sqlOAuthStates } from "./store/sql-oauth-states";

/** The catalog, installations, and the OAuth flow that creates them. */
export const integrationsModule = defineModule<IntegrationsStoreSlice>({
  name: "integrations",
  store: {
    memory: () => ({ installations: memoryInstallations(), oauthStates: memoryOAuthStates() }),
    sql: (db, options) => ({
      installations: sqlInstallations(db, options),
      oauthStates: sqlOAuthStates(db),
    }),
  },
  // 0004 also created the GitHub tables (it shipped before features had folders).
  migrations: {
    "0001_installations": installations,
    "0004_oauth": oauth,
    "0008_installation_accounts": installationAccounts,
  },
  routes: [
    listIntegrations,
    getIntegration,
    installWebhookIntegration,
    deleteInstallation,
    authorizeIntegration,
    oauthCallback,
  ],
});
