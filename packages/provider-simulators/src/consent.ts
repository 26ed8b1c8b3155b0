import { escapeHtml, htmlPage } from "./html";

export interface ConsentPageOptions {
  /** The provider as the page names it: "GitHub", "Slack", "Google". */
  provider: string;
  /** The authorize request as the app sent it. */
  authorizeUrl: URL;
  /** Where the decision goes; the page appends `decision` and the authorize query. */
  decideUrl: string;
}

/**
 * The provider's consent screen, for a person (or Playwright) to click: Authorize and Cancel are
 * links to `decideUrl` carrying the original authorize query, so no state is kept between them.
 */
function consentPage({ provider, authorizeUrl, decideUrl }: ConsentPageOptions): Response {
  const link = (decision: "approve" | "deny") => {
    const target = new URL(decideUrl);
    for (const [name, value] of authorizeUrl.searchParams) target.searchParams.append(name, value);
    target.searchParams.set("decision", decision);
    return escapeHtml(target.toString());
  };
  const scope = authorizeUrl.searchParams.get("scope") ?? "";
  return htmlPage(
    `Authorize · ${provider} (simulated)`,
    `<h1>${escapeHtml(provider)} (simulated)</h1>
<p>An app wants access to your account${scope ? ` (${escapeHtml(scope)})` : ""}.</p>
<p class="row"><a class="button" href="${link("approve")}">Authorize</a>
<a class="button" href="${link("deny")}">Cancel</a></p>`,
  );
}

/**
 * The answer to a consent decision: the authorize URL rebuilt from the query (less `decision`)
 * goes to the simulation's `approve` or `deny`, and the browser is sent back to the app.
 */
function decide(
  request: Request,
  authorizeUrl: string,
  simulation: { approve(url: string): string; deny(url: string): string },
): Response {
  const query = new URL(request.url).searchParams;
  const authorize = new URL(authorizeUrl);
  for (const [name, value] of query) {
    if (name !== "decision") authorize.searchParams.append(name, value);
  }
  const callback =
    query.get("decision") === "approve"
      ? simulation.approve(authorize.toString())
      : simulation.deny(authorize.toString());
  return new Response(null, { status: 302, headers: { location: callback } });
}

export interface ConsentRoutes {
  provider: string;
  /** The provider's authorize URL: GET shows the consent page. */
  authorizeUrl: string;
  /** Where its Authorize and Cancel links lead. */
  decideUrl: string;
  simulation: { approve(url: string): string; deny(url: string): string };
}

/** The consent page and its decision, when the request is for one of them; otherwise null. */
export function consentRoute(request: Request, routes: ConsentRoutes): Response | null {
  if (request.method !== "GET") return null;
  const url = new URL(request.url);
  const at = `${url.origin}${url.pathname}`;
  if (at === routes.authorizeUrl) {
    return consentPage({
      provider: routes.provider,
      authorizeUrl: url,
      decideUrl: routes.decideUrl,
    });
  }
  if (at === routes.decideUrl) return decide(request, routes.authorizeUrl, routes.simulation);
  return null;
}

/**
 * Where the provider sends the browser back: the authorize request's `redirect_uri` with
 * `params` (a code, or an error) and the request's `state`, unchanged.
 */
export function redirectBack(authorizeUrl: string, params: Record<string, string>): string {
  const request = new URL(authorizeUrl);
  const callback = new URL(request.searchParams.get("redirect_uri") ?? "");
  for (const [name, value] of Object.entries(params)) callback.searchParams.set(name, value);
  callback.searchParams.set("state", request.searchParams.get("state") ?? "");
  return callback.toString();
}
