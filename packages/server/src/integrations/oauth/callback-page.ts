import type { OAuthMessage } from "@plugboard/core";
import { toBase64 } from "../../crypto/encoding";

export interface CallbackPage {
  message: OAuthMessage;
  /** Exact origin for postMessage; never "*". */
  targetOrigin: string;
  heading: string;
  text: string;
  status: number;
}

const htmlEscapes: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => htmlEscapes[char] as string);
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
 * The page the provider redirects the popup to. It posts the result to the opener at one exact
 * origin and closes; opened without an opener, it just says what happened. The strict CSP lets
 * only this page's own script and style (by nonce) run: no other script, no frames, no forms.
 */
export function callbackPageResponse(page: CallbackPage): Response {
  const nonce = toBase64(crypto.getRandomValues(new Uint8Array(16)));
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.heading)}</title>
<style nonce="${nonce}">
body{font:15px/1.5 system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;color:#1b1b1f;background:#f7f7f8}
main{max-width:28rem;padding:2rem;text-align:center}
h1{font-size:1.25rem;margin:0 0 .5rem}
p{margin:0;color:#5e5e6a}
</style>
</head>
<body>
<main role="${page.message.status === "error" ? "alert" : "status"}">
<h1>${escapeHtml(page.heading)}</h1>
<p>${escapeHtml(page.text)}</p>
</main>
<script nonce="${nonce}">
(function () {
  var message = ${scriptJson(page.message)};
  var targetOrigin = ${scriptJson(page.targetOrigin)};
  if (window.opener) {
    window.opener.postMessage(message, targetOrigin);
    window.close();
  }
})();
</script>
</body>
</html>
`;
  return new Response(html, {
    status: page.status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy": `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      // The URL carried the authorization code: never pass it on.
      "referrer-policy": "no-referrer",
      "x-content-type-options": "nosniff",
    },
  });
}
