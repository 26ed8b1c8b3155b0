/**
 * The closed set of error codes. The server answers every failure as problem+json with one of
 * these; the client adds the last three for failures that never reached a Plugboard response.
 * `status` is the HTTP status the server uses (0 = produced by the client).
 */
export const errorTable = {
  validation_failed: { status: 400, title: "Validation failed" },
  unauthenticated: { status: 401, title: "Authentication required" },
  forbidden: { status: 403, title: "Forbidden" },
  insufficient_scope: { status: 403, title: "Insufficient scope" },
  not_found: { status: 404, title: "Not found" },
  method_not_allowed: { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "Conflict" },
  payload_too_large: { status: 413, title: "Payload too large" },
  unsupported_media_type: { status: 415, title: "Unsupported media type" },
  rate_limited: { status: 429, title: "Too many requests" },
  internal_error: { status: 500, title: "Internal error" },
  provider_error: { status: 502, title: "Provider error" },
  unavailable: { status: 503, title: "Service unavailable" },
  network_error: { status: 0, title: "Network error" },
  timeout: { status: 0, title: "Request timed out" },
  invalid_response: { status: 0, title: "Invalid response" },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof errorTable;

export const errorCodes = Object.keys(errorTable) as [ErrorCode, ...ErrorCode[]];
