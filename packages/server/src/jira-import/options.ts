export interface JiraImportOptions {
  /** Jira's API is called with this; default the global fetch. */
  fetch?: typeof fetch;
  /**
   * Plain `http://` Jira sites (a local fake in a demo or tests). Off by default: the API token
   * would cross the network in the clear.
   */
  allowInsecureHttp?: boolean;
  /** Retries of one Jira request after 429 (its Retry-After honoured) or 5xx. Default 6. */
  maxRetries?: number;
  /** Backoff base for 5xx: base · 2^attempt. Default 500 ms. */
  retryBaseMs?: number;
  /** The largest CSV export accepted, in bytes (streamed, never held whole). Default 512 MiB. */
  maxCsvBytes?: number;
  /** Waits between retries; tests pass one that records delays. Default setTimeout. */
  sleep?: (ms: number) => Promise<void>;
}

export interface ResolvedJiraImportOptions {
  fetch: typeof fetch;
  allowInsecureHttp: boolean;
  maxRetries: number;
  retryBaseMs: number;
  maxCsvBytes: number;
  sleep: (ms: number) => Promise<void>;
}

export function resolveJiraImportOptions(options: JiraImportOptions): ResolvedJiraImportOptions {
  return {
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    allowInsecureHttp: options.allowInsecureHttp ?? false,
    maxRetries: options.maxRetries ?? 6,
    retryBaseMs: options.retryBaseMs ?? 500,
    maxCsvBytes: options.maxCsvBytes ?? 512 * 1024 * 1024,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
  };
}
