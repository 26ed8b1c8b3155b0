import type { OAuthStateStore } from "./oauth-state-types";
import type { InstallationStore } from "./types";

export interface IntegrationsStoreSlice {
  readonly installations: InstallationStore;
  readonly oauthStates: OAuthStateStore;
}
