import type { AccountLinkStore } from "./types";

export interface AccountLinksStoreSlice {
  readonly accountLinks: AccountLinkStore;
}
