import { defineModule } from "../module";
import { sso } from "./migrations/0010-sso";
import { memorySso } from "./store/memory";
import type { SsoStoreSlice } from "./store/slice";
import { sqlSso } from "./store/sql";

/** Per-organization SSO: SAML and OIDC connections, proven domains, and the login itself. */
export const ssoModule = defineModule<SsoStoreSlice>({
  name: "sso",
  store: {
    memory: () => ({ sso: memorySso() }),
    sql: (db, options) => ({ sso: sqlSso(db, options) }),
  },
  migrations: { "0010_sso": sso },
  routes: [],
});
