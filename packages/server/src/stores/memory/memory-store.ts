import { builtinModules } from "../../modules";
import type { Store } from "../types";

/**
 * Plain in-process maps, each feature's own: for tests, Storybook (through msw, in the browser)
 * and demos. Rows are copied in and out so callers never mutate stored state by accident.
 */
export function memoryStore(): Store {
  const parts = builtinModules.map((module) => module.store?.memory() ?? {});
  const store: Omit<Store, "close"> = Object.assign({}, ...parts);
  return {
    ...store,
    async close() {
      for (const part of Object.values(store) as unknown[]) {
        if (hasClear(part)) part.clear();
      }
    },
  };
}

function hasClear(part: unknown): part is { clear(): void } {
  return typeof (part as { clear?: unknown }).clear === "function";
}
