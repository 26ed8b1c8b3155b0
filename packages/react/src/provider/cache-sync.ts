import { isPlugboardError } from "@plugboard/core/routes";
import type { QueryClient } from "@tanstack/react-query";
import { useEffect, useLayoutEffect, useRef } from "react";
import { integrationKeys } from "../integrations/query-keys";

// Layout effect in the browser (no frame shows another identity's data); plain effect on a server.
const useBrowserLayoutEffect = typeof window === "undefined" ? useEffect : useLayoutEffect;

/**
 * When `identityKey` changes (another user or organization signed in without a reload), every
 * cached answer belonged to the previous one: drop them all and ask again for what is on screen.
 */
export function useResetOnIdentityChange(
  queryClient: QueryClient,
  identityKey: string | undefined,
) {
  const previous = useRef(identityKey);
  useBrowserLayoutEffect(() => {
    if (previous.current === identityKey) return;
    previous.current = identityKey;
    void queryClient.resetQueries();
  }, [queryClient, identityKey]);
}

/**
 * A provider that fails on a card's data (GitHub answering 401 behind a repository list, say) is
 * answered as `provider_error`, and the server has then marked the installation. Refetching the
 * integrations shows every card needing a reconnect at once, not after a reload.
 */
export function useRefreshOnProviderFailure(queryClient: QueryClient) {
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type !== "updated" || event.action.type !== "error") return;
        const error = event.action.error;
        if (!isPlugboardError(error) || error.code !== "provider_error") return;
        if (event.query.queryKey[1] === integrationKeys.all[1]) return;
        void queryClient.invalidateQueries({ queryKey: integrationKeys.all });
      }),
    [queryClient],
  );
}
