// Test doubles and the store conformance suite, for Plugboard's own tests and for hosts'.
export { createMemoryHost, type MemoryHostSeed } from "../host/memory-host";
export {
  createFakeOAuthProvider,
  type FakeOAuthProvider,
  type FakeOAuthProviderOptions,
} from "../integrations/oauth/fake-provider";
export type { StoreUnderTest } from "../stores/conformance/store-per-test";
export { describeStoreConformance } from "./store-conformance";
