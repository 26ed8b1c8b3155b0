import { escapeHtml, htmlPageResponse } from "./html-page";

export interface OpenerPage {
  /** JSON posted to the window that opened this one. */
  message: unknown;
  /** Exact origin for postMessage; never "*". */
  targetOrigin: string;
  heading: string;
  text: string;
  status: number;
  role: "alert" | "status";
}

/** JSON that cannot end the script element or break out of it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * The last page of a popup flow (an OAuth install, an SSO test run). It posts the result to the
 * opener at one exact origin and closes; opened without an opener, it just says what happened.
 * The strict CSP lets only this page's own script and style (by nonce) run.
 */
export function openerPageResponse(page: OpenerPage): Response {
  return htmlPageResponse({
    heading: page.heading,
    body: `<p>${escapeHtml(page.text)}</p>`,
    status: page.status,
    role: page.role,
    script: `(function () {
  var message = ${scriptJson(page.message)};
  var targetOrigin = ${scriptJson(page.targetOrigin)};
  if (window.opener) {
    window.opener.postMessage(message, targetOrigin);
    window.close();
  }
})();`,
    // The URL may carry an authorization code: never pass it on.
    headers: { "referrer-policy": "no-referrer" },
  });
}
