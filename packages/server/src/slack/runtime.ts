import type { SlackProviderOptions } from "../integrations/oauth/options";

/** Slack's feature state shared by its receivers, jobs and routes; built once by `createPlugboard`. */
export interface SlackRuntime {
  options: SlackProviderOptions | null;
  /** Slack's origin (`providers.slack.baseUrl`); the Web API is under `/api`. */
  baseUrl: string;
  commandName: string;
  /**
   * How a 429's `Retry-After` is waited out. Replaceable so tests can see the wait without
   * spending it.
   */
  wait: (ms: number) => Promise<void>;
}

export function createSlackRuntime(options: SlackProviderOptions | undefined): SlackRuntime {
  return {
    options: options ?? null,
    baseUrl: (options?.baseUrl ?? "https://slack.com").replace(/\/+$/, ""),
    commandName: options?.commandName ?? "/plugboard",
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}
