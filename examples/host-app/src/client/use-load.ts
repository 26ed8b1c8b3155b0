import { useCallback, useEffect, useState } from "react";

/**
 * Loads data for a page and loads it again when `load` changes (wrap it in useCallback) or on
 * `reload()`. An answer that arrives after a newer request started is dropped.
 */
export function useLoad<T>(load: () => Promise<T>) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the reload trigger
  useEffect(() => {
    let live = true;
    load().then(
      (loaded) => {
        if (!live) return;
        setData(loaded);
        setError(null);
      },
      (failed: unknown) => {
        if (live) setError(failed instanceof Error ? failed.message : "Something went wrong");
      },
    );
    return () => {
      live = false;
    };
  }, [load, version]);
  return { data, error, reload: useCallback(() => setVersion((n) => n + 1), []) };
}
