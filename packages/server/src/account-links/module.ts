import { defineModule } from "../module";
import { accountLinks } from "./migrations/0009-account-links";
import { confirmAccountLink, showAccountLinkConfirmation } from "./routes/confirm-account-link";
import { deleteAccountLink } from "./routes/delete-account-link";
import { listAccountLinks } from "./routes/list-account-links";
import { memoryAccountLinks } from "./store/memory";
import type { AccountLinksStoreSlice } from "./store/slice";
import { sqlAccountLinks } from "./store/sql";

/** Provider users (Slack members, Google accounts) linked to host users, per organization. */
export const accountLinksModule = defineModule<AccountLinksStoreSlice>({
  name: "account-links",
  store: {
    memory: () => ({ accountLinks: memoryAccountLinks() }),
    sql: (db) => ({ accountLinks: sqlAccountLinks(db) }),
  },
  migrations: { "0009_account_links": accountLinks },
  routes: [listAccountLinks, deleteAccountLink, showAccountLinkConfirmation, confirmAccountLink],
});
