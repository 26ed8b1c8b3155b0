import { type ApiKeyScope, type ErrorCode, PlugboardError } from "@plugboard/core";
import { problemResponse } from "../http/responses";
import type { RateLimitResult } from "./store/types";
import type { ApiKeyService, ApiKeyVerification, VerifiedApiKey } from "./verifier";

export interface ApiKeyGuardOptions {
  /** Scopes the route needs; every one must be granted. */
  scopes?: readonly ApiKeyScope[];
  /** The project the request touches, when the route is about one. */
  projectId?: string | ((request: Request) => string | undefined);
  /**
   * The caller's address for the usage log. Web requests carry none, so by default none is
   * recorded; return one from your platform (or a proxy header you trust).
   */
  clientIp?: (request: Request) => string | null;
}

export type ApiKeyHandler = (request: Request, key: VerifiedApiKey) => Response | Promise<Response>;

type Failure = Extract<ApiKeyVerification, { valid: false }>;

const problemCodes: Record<Failure["code"], ErrorCode> = {
  NOT_FOUND: "unauthenticated",
  EXPIRED: "unauthenticated",
  REVOKED: "unauthenticated",
  DISABLED: "unauthenticated",
  INSUFFICIENT_SCOPE: "insufficient_scope",
  RATE_LIMITED: "rate_limited",
  UNAVAILABLE: "unavailable",
};

/** Seconds a client is asked to wait when the rate limiter is down and the host denies. */
const unavailableRetrySeconds = 5;

/** IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers), reset in seconds. */
export function rateLimitHeaders(rateLimit: RateLimitResult, now: number): Record<string, string> {
  const reset = Math.max(0, Math.ceil((rateLimit.resetAt - now) / 1000));
  return {
    "ratelimit-limit": String(rateLimit.limit),
    "ratelimit-remaining": String(rateLimit.remaining),
    "ratelimit-reset": String(reset),
    "ratelimit-policy": `${rateLimit.limit};w=60`,
  };
}

/** The problem+json answer for a failed verification: 401, 403, 429 or 503 with its headers. */
export function failureResponse(result: Failure, now: number): Response {
  const error = new PlugboardError({ code: problemCodes[result.code], detail: result.detail });
  const headers: Record<string, string> = {};
  if (error.status === 401) headers["www-authenticate"] = 'Bearer error="invalid_token"';
  if (result.code === "INSUFFICIENT_SCOPE") {
    headers["www-authenticate"] =
      `Bearer error="insufficient_scope", scope="${(result.missingScopes ?? []).join(" ")}"`;
  }
  if (result.code === "UNAVAILABLE") headers["retry-after"] = String(unavailableRetrySeconds);
  if (result.rateLimit) {
    Object.assign(headers, rateLimitHeaders(result.rateLimit, now));
    if (!result.rateLimit.allowed) headers["retry-after"] = headers["ratelimit-reset"] as string;
  }
  return problemResponse(error, headers);
}

/**
 * Wraps a host's Web handler so it runs only for requests with a valid key that has the
 * scopes; answers 401/403/429 problem+json otherwise (503 when the rate limiter fails and
 * `rateLimit.onError` is "deny"). Usage is recorded after the response is ready, without being
 * awaited.
 */
export function createApiKeyGuard(service: ApiKeyService, now: () => number) {
  return function guard(handler: ApiKeyHandler, options: ApiKeyGuardOptions = {}) {
    return async function guarded(request: Request): Promise<Response> {
      const started = performance.now();
      const projectId =
        typeof options.projectId === "function" ? options.projectId(request) : options.projectId;
      const result = await service.verify(request, {
        ...(options.scopes ? { scopes: options.scopes } : {}),
        ...(projectId === undefined ? {} : { projectId }),
      });
      let response: Response;
      if (result.valid) {
        response = await handler(request, result.key);
        if (result.rateLimit) {
          // A handler's Response may have immutable headers (Response.json, fetch): copy it.
          response = new Response(response.body, response);
          for (const [name, value] of Object.entries(rateLimitHeaders(result.rateLimit, now()))) {
            response.headers.set(name, value);
          }
        }
      } else {
        response = failureResponse(result, now());
      }
      if (result.key) {
        const url = new URL(request.url);
        service.recordUsage({
          keyId: result.key.id,
          organizationId: result.key.organizationId,
          at: now(),
          method: request.method,
          // The path only: query strings can carry secrets.
          path: url.pathname,
          status: response.status,
          latencyMs: performance.now() - started,
          userAgent: request.headers.get("user-agent"),
          ip: options.clientIp?.(request) ?? null,
        });
      }
      return response;
    };
  };
}
