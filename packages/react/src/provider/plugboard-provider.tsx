import type { PlugboardClient } from "@plugboard/client";
import { isPlugboardError } from "@plugboard/core/routes";
import { QueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useMemo, useState } from "react";
import { Toaster } from "../parts/toast";
import { useRefreshOnProviderFailure, useResetOnIdentityChange } from "./cache-sync";
import { mergeStrings, type PlugboardStringOverrides, type PlugboardStrings } from "./strings";

export type PlugboardTheme = "light" | "dark" | "system";

interface PlugboardContextValue {
  client: PlugboardClient;
  queryClient: QueryClient;
  strings: PlugboardStrings;
  theme: PlugboardTheme;
  /** How often work still under way (pending webhook deliveries) is asked about again, in ms. */
  pollInterval: number;
}

const PlugboardContext = createContext<PlugboardContextValue | null>(null);

export interface PlugboardProviderProps {
  client: PlugboardClient;
  /**
   * Plugboard keeps its server state in its own TanStack Query client, passed to every hook
   * directly, so it never shadows a QueryClientProvider the host app already has.
   */
  queryClient?: QueryClient;
  /**
   * Your wording or a translation: any subset of `defaultStrings`, nested groups merged key by
   * key. A complete German set ships as `import { de } from "@plugboard/react/locales/de"`.
   */
  strings?: PlugboardStringOverrides;
  /**
   * The colours to draw with; pick the one your page uses. Default "light", whatever the OS
   * prefers: a light host page stays readable for users whose OS is dark. "dark" for a dark
   * page; "system" only when your page itself follows `prefers-color-scheme`.
   */
  theme?: PlugboardTheme;
  /**
   * Who is signed in, e.g. `${organizationId}:${userId}`. When it changes, every cached answer
   * is dropped and what is on screen is asked for again, so a user switch without a reload never
   * shows the previous user's keys or integrations.
   */
  identityKey?: string;
  /** While deliveries are pending, how often to ask about them again (ms). Default 2000. */
  pollInterval?: number;
  children: ReactNode;
}

/** Retries only what a retry can fix: network trouble and the server's own 5xx. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  return !isPlugboardError(error) || error.status === 0 || error.status >= 500;
}

export function createPlugboardQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: shouldRetry, staleTime: 30_000 } },
  });
}

export function PlugboardProvider({
  client,
  queryClient,
  strings,
  theme = "light",
  identityKey,
  pollInterval = 2000,
  children,
}: PlugboardProviderProps) {
  const [ownQueryClient] = useState(() => queryClient ?? createPlugboardQueryClient());
  const activeQueryClient = queryClient ?? ownQueryClient;
  useResetOnIdentityChange(activeQueryClient, identityKey);
  useRefreshOnProviderFailure(activeQueryClient);
  const value = useMemo(
    () => ({
      client,
      queryClient: activeQueryClient,
      strings: mergeStrings(strings),
      theme,
      pollInterval,
    }),
    [client, activeQueryClient, strings, theme, pollInterval],
  );
  return (
    <PlugboardContext.Provider value={value}>
      <Toaster>{children}</Toaster>
    </PlugboardContext.Provider>
  );
}

export function usePlugboard(): PlugboardContextValue {
  const value = useContext(PlugboardContext);
  if (!value) throw new Error("Plugboard components must be rendered inside <PlugboardProvider>");
  return value;
}

export function useStrings(): PlugboardStrings {
  return usePlugboard().strings;
}
