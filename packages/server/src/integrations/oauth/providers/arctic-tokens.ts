import {
  ArcticFetchError,
  OAuth2RequestError,
  type OAuth2Tokens,
  UnexpectedErrorResponseBodyError,
  UnexpectedResponseError,
} from "arctic";
import { OAuthExchangeError, type TokenSet } from "../types";

/**
 * Reads arctic's tokens into a TokenSet. GitHub and Slack answer some errors with a 200 (GitHub
 * `{ error }`, Slack `{ ok: false, error }`), which arctic returns as tokens: caught here.
 */
export function toTokenSet(tokens: OAuth2Tokens, now: number): TokenSet {
  const data = tokens.data as Record<string, unknown>;
  if (typeof data.error === "string" || data.ok === false) {
    throw new OAuthExchangeError(String(data.error ?? "unknown_error"), describe(data));
  }
  if (typeof data.access_token !== "string" || data.access_token === "") {
    throw new OAuthExchangeError("invalid_response", "The token response had no access token");
  }
  const expiresIn = typeof data.expires_in === "number" ? data.expires_in : null;
  const team = data.team as { id?: unknown; name?: unknown } | null | undefined;
  const enterprise = data.enterprise as { id?: unknown; name?: unknown } | null | undefined;
  // An org-wide Enterprise Grid install names no team: the enterprise is the account.
  const owner = team ?? enterprise;
  return {
    accessToken: data.access_token,
    refreshToken: typeof data.refresh_token === "string" ? data.refresh_token : null,
    expiresAt: expiresIn === null ? null : now + expiresIn * 1000,
    scopes: typeof data.scope === "string" ? data.scope.split(/[\s,]+/).filter(Boolean) : null,
    account:
      owner && (typeof owner.id === "string" || typeof owner.name === "string")
        ? {
            id: typeof owner.id === "string" ? owner.id : null,
            name: typeof owner.name === "string" ? owner.name : null,
            enterpriseId: typeof enterprise?.id === "string" ? enterprise.id : null,
          }
        : null,
  };
}

function describe(data: Record<string, unknown>): string {
  return typeof data.error_description === "string"
    ? data.error_description
    : `The provider answered ${String(data.error ?? "an error")}`;
}

/** Runs an arctic call, turning its errors into OAuthExchangeError (no tokens in messages). */
export async function arcticCall<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof OAuthExchangeError) throw error;
    if (error instanceof OAuth2RequestError) {
      throw new OAuthExchangeError(
        error.code,
        error.description ?? `The provider answered ${error.code}`,
      );
    }
    if (error instanceof ArcticFetchError) {
      throw new OAuthExchangeError("network_error", "The provider could not be reached");
    }
    if (
      error instanceof UnexpectedResponseError ||
      error instanceof UnexpectedErrorResponseBodyError
    ) {
      throw new OAuthExchangeError(
        "unexpected_response",
        `The provider answered HTTP ${error.status}`,
      );
    }
    throw error;
  }
}

/** A JSON request to a provider's REST API; throws OAuthExchangeError on a non-2xx answer. */
export async function providerFetch(url: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new OAuthExchangeError("network_error", "The provider could not be reached");
  }
  if (!response.ok) {
    void response.body?.cancel().catch(() => {}); // cancel() can stay pending (msw does): never wait on it
    throw new OAuthExchangeError(
      "unexpected_response",
      `The provider answered HTTP ${response.status}`,
    );
  }
  return response;
}
