import type { Route } from "../http/route";
import { defineModule } from "../module";
import { sso } from "./migrations/0010-sso";
import { ssoTestRuns } from "./migrations/0017-sso-dry-runs";
import { addSsoDomain } from "./routes/add-domain";
import { createSsoConnection } from "./routes/create-connection";
import { deleteSsoConnection } from "./routes/delete-connection";
import { deleteSsoDomain } from "./routes/delete-domain";
import { testSsoConnection } from "./routes/dry-run-connection";
import { getSsoConnection } from "./routes/get-connection";
import { getSsoPolicy } from "./routes/get-policy";
import { listSsoConnections } from "./routes/list-connections";
import { listSsoDomains } from "./routes/list-domains";
import { listSsoLoginAttempts } from "./routes/list-login-attempts";
import { oidcCallback } from "./routes/oidc-callback";
import { putSsoPolicy } from "./routes/put-policy";
import { samlAssertionConsumer } from "./routes/saml-acs";
import { samlMetadata } from "./routes/saml-metadata";
import { startSsoLogin } from "./routes/start-login";
import { updateSsoConnection } from "./routes/update-connection";
import { verifySsoDomain } from "./routes/verify-domain";
import { memorySso } from "./store/memory";
import type { SsoStoreSlice } from "./store/slice";
import { sqlSso } from "./store/sql";

/** Without `sso` options every SSO route answers 404, naming the option to set. */
function onlyWhenConfigured<R extends Route>(route: R): R {
  return {
    ...route,
    handle(args: Parameters<R["handle"]>[0]) {
      void args.context.sso.options; // throws the 404 when not configured
      return route.handle(args as never);
    },
  };
}

/** Per-organization SSO: SAML and OIDC connections, proven domains, and the login itself. */
export const ssoModule = defineModule<SsoStoreSlice>({
  name: "sso",
  store: {
    memory: () => ({ sso: memorySso() }),
    sql: (db, options) => ({ sso: sqlSso(db, options) }),
  },
  migrations: { "0010_sso": sso, "0017_sso_dry_runs": ssoTestRuns },
  routes: (
    [
      listSsoConnections,
      createSsoConnection,
      getSsoConnection,
      updateSsoConnection,
      deleteSsoConnection,
      testSsoConnection,
      listSsoDomains,
      addSsoDomain,
      verifySsoDomain,
      deleteSsoDomain,
      getSsoPolicy,
      putSsoPolicy,
      listSsoLoginAttempts,
      startSsoLogin,
      samlMetadata,
      samlAssertionConsumer,
      oidcCallback,
    ] as Route[]
  ).map(onlyWhenConfigured),
});
