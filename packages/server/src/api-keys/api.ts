import type { PlugboardContext } from "../context";
import { type ApiKeyGuardOptions, type ApiKeyHandler, createApiKeyGuard } from "./guard";
import type { ApiKeyService } from "./verifier";

/** `plugboard.apiKeys`: what host routes use to accept Plugboard API keys. */
export interface PlugboardApiKeys {
  /**
   * `{ valid: true, key, rateLimit }` or `{ valid: false, code, detail }` with code in
   * NOT_FOUND | EXPIRED | REVOKED | DISABLED | INSUFFICIENT_SCOPE | RATE_LIMITED. Counts
   * toward the key's rate limit when it is otherwise valid. Records no usage (the guards do).
   */
  verify: ApiKeyService["verify"];
  /** Wraps a Web handler: 401/403/429 problem+json unless the key is valid and has the scopes. */
  guard(
    handler: ApiKeyHandler,
    options?: ApiKeyGuardOptions,
  ): (request: Request) => Promise<Response>;
  /** Deletes usage older than `usageRetentionDays` (also done by itself at most hourly). */
  pruneUsage(): Promise<number>;
  /**
   * Resolves once the usage rows of requests answered so far are stored. Guards write usage after
   * the response; await this before shutting down, or pass it to a serverless `waitUntil`.
   */
  flushUsage(): Promise<void>;
}

export function createPlugboardApiKeys(context: PlugboardContext): PlugboardApiKeys {
  const service = context.apiKeys;
  return {
    verify: (input, options) => service.verify(input, options),
    guard: createApiKeyGuard(service, context.now),
    pruneUsage: () => service.pruneUsage(),
    flushUsage: () => service.flushUsage(),
  };
}
