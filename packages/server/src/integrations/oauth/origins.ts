import { PlugboardError } from "@plugboard/core";
import type { PlugboardContext } from "../../context";

/** The configured host origins, or the handler's own origin. */
export function allowedOrigins(context: PlugboardContext, request: Request): string[] {
  return context.oauth.appOrigins ?? [new URL(request.url).origin];
}

/**
 * The exact origin of the page starting a popup flow (an install, an SSO test): its `Origin` header (browsers send one on
 * every POST), which must be an allowed origin. The callback page will post to it, and only it.
 */
export function returnOriginOf(context: PlugboardContext, request: Request): string {
  const allowed = allowedOrigins(context, request);
  const origin = request.headers.get("origin") ?? new URL(request.url).origin;
  if (!allowed.includes(origin)) {
    throw new PlugboardError({
      code: "forbidden",
      detail: `Popups (installs, SSO tests) can only be started from ${allowed.join(" or ")}`,
    });
  }
  return origin;
}

/** `{origin}{mount}/integrations/{provider}/callback`, unless the provider has a fixed one. */
export function redirectUriFor(
  context: PlugboardContext,
  request: Request,
  provider: { id: string; redirectUri: string | null },
): string {
  return (
    provider.redirectUri ??
    `${new URL(request.url).origin}${context.basePath}/integrations/${encodeURIComponent(provider.id)}/callback`
  );
}

/** SHA-256 hex of the state: only the hash is stored. */
export async function hashState(state: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(state));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}
