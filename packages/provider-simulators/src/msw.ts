import { type HttpHandler, http } from "msw";

/** A simulator as a Web handler: the one implementation both transports run. */
export type WebHandler = (request: Request) => Promise<Response>;

/**
 * The msw form of a simulator (tests in Node, Storybook in the browser): every request under
 * one of the provider's base URLs goes to the same handler the loopback server runs.
 */
export function mswHandlers(handle: WebHandler, baseUrls: string[]): HttpHandler[] {
  return [...new Set(baseUrls)].map((base) =>
    http.all(`${base.replace(/\/+$/, "")}/*`, ({ request }) => handle(request)),
  );
}

/** The path of `url` below `base`, or null when the URL is not under it. */
export function pathUnder(url: URL, base: string): string | null {
  const prefix = new URL(base);
  if (url.origin !== prefix.origin) return null;
  const root = prefix.pathname.replace(/\/+$/, "");
  if (root === "") return url.pathname;
  if (url.pathname !== root && !url.pathname.startsWith(`${root}/`)) return null;
  return url.pathname.slice(root.length) || "/";
}
