import type { SsoStore } from "./types";

export interface SsoStoreSlice {
  readonly sso: SsoStore;
}
