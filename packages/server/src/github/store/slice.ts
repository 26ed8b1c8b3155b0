import type { GitHubStore } from "./types";

export interface GitHubStoreSlice {
  readonly github: GitHubStore;
}
