/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const styles = `
:root { color-scheme: light dark; font: 15px/1.5 system-ui, sans-serif; }
body { max-width: 44rem; margin: 2rem auto; padding: 0 1rem; }
label { display: grid; gap: .25rem; margin-bottom: .75rem; }
input, textarea { font: inherit; padding: .4rem; }
button, .button { font: inherit; padding: .4rem .9rem; cursor: pointer; }
ul { list-style: none; padding: 0; }
li { border: 1px solid #8886; border-radius: 6px; padding: .5rem .75rem; margin-bottom: .5rem; }
.row { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
.muted { opacity: .75; }
`;

/**
 * A simulator's page: plain HTML with forms, no script. The policy still lets forms post to the
 * simulator itself and links navigate anywhere (the OAuth redirect back to the app).
 */
export function htmlPage(title: string, body: string, status = 200): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${styles}</style></head><body>${body}</body></html>`;
  return new Response(html, {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy":
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
    },
  });
}

/** 303 See Other: after a form post, the browser GETs the page that shows the result. */
export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { location } });
}
