import type { ApiKeyStore, RateLimiter } from "./types";

export interface ApiKeysStoreSlice {
  readonly apiKeys: ApiKeyStore;
  /** Per-key request counters; `createPlugboard` can use a shared one instead (see /redis). */
  readonly rateLimits: RateLimiter;
}
