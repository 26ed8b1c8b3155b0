import { toBase64 } from "../crypto/encoding";

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

export interface HtmlPage {
  heading: string;
  /** Already-escaped HTML under the heading. */
  body: string;
  status: number;
  role: "alert" | "status";
  /** Inline script, run under this page's nonce. */
  script?: string;
  /** Lets the page's own form post back to the handler (`form-action 'self'`). */
  allowForm?: boolean;
  headers?: Record<string, string>;
}

/**
 * The small pages the kit serves itself (OAuth callbacks, account-link confirmations): no
 * framework, a strict CSP that lets only this page's own style and script (by nonce) run, never
 * framed, never cached.
 */
export function htmlPageResponse(page: HtmlPage): Response {
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
button{margin-top:1.25rem;font:inherit;padding:.5rem 1.25rem;border-radius:6px;border:0;background:#3f3fd0;color:#fff;cursor:pointer}
button:focus-visible{outline:3px solid #1b1b1f;outline-offset:2px}
</style>
</head>
<body>
<main role="${page.role}">
<h1>${escapeHtml(page.heading)}</h1>
${page.body}
</main>
${page.script ? `<script nonce="${nonce}">\n${page.script}\n</script>\n` : ""}</body>
</html>
`;
  return new Response(html, {
    status: page.status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy": `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; base-uri 'none'; form-action ${page.allowForm ? "'self'" : "'none'"}; frame-ancestors 'none'`,
      "x-content-type-options": "nosniff",
      ...page.headers,
    },
  });
}
