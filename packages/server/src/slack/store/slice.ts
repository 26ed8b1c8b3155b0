import type { SlackStore } from "./types";

export interface SlackStoreSlice {
  readonly slack: SlackStore;
}
