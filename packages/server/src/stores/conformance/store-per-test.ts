import { PlugboardError } from "@plugboard/core";
import { afterEach, beforeEach, expect } from "vitest";
import type { Store } from "../types";

export interface StoreUnderTest {
  store: Store;
  /** Runs after `store.close()`: drop schemas, delete files. */
  cleanup?: () => Promise<void>;
}

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

/** Fails unless the promise rejects with a `conflict` PlugboardError (409). */
export async function expectConflict(promise: Promise<unknown>): Promise<void> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, "expected the store to reject with a conflict").toBeInstanceOf(PlugboardError);
  expect((error as PlugboardError).code).toBe("conflict");
  expect((error as PlugboardError).status).toBe(409);
}
