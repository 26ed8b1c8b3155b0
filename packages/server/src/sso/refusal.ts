import { escapeHtml, htmlPageResponse } from "../http/html-page";

/** Why a login was refused: a stable `reason` for the log, and text for people. */
export class SsoRefusal extends Error {
  constructor(
    readonly reason: string,
    readonly detail: string,
    readonly status = 403,
  ) {
    super(detail);
  }
}

/** The page a refused login ends on. Nobody is signed in; the reason says what to fix. */
export function refusalPage(refusal: SsoRefusal, headers?: Record<string, string>): Response {
  return htmlPageResponse({
    heading: "Single sign-on failed",
    body: `<p>${escapeHtml(refusal.detail)}</p><p><small>Reason: ${escapeHtml(refusal.reason)}</small></p>`,
    status: refusal.status,
    role: "alert",
    ...(headers ? { headers } : {}),
  });
}
