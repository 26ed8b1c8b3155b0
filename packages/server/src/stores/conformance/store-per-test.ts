import { afterEach, beforeEach } from "vitest";
import type { StoreUnderTest } from "../store-conformance.test-suite";
import type { Store } from "../types";

/**
 * Gives every test in the enclosing `describe` a new, empty store from `makeStore`, closed and
 * cleaned up after the test so no test sees another's rows. Returns the running test's store.
 */
export function storePerTest(makeStore: () => Promise<StoreUnderTest>): () => Store {
  let current: StoreUnderTest | undefined;

  beforeEach(async () => {
    current = await makeStore();
  });

  afterEach(async () => {
    const done = current;
    current = undefined;
    if (!done) return;
    try {
      await done.store.close();
    } finally {
      await done.cleanup?.();
    }
  });

  return () => {
    if (!current) throw new Error("The conformance store is only open while a test runs");
    return current.store;
  };
}
