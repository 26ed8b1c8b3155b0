import type { githubContracts } from "../contracts/github";
import { type RoutePath, routesOf } from "./route";

/** Where each GitHub route lives; `githubContracts` adds the schemas. */
export const githubPaths = {
  repositories: { method: "GET", path: "/providers/github/repositories" },
  links: { method: "GET", path: "/providers/github/links" },
  link: { method: "POST", path: "/providers/github/links" },
  unlink: { method: "DELETE", path: "/providers/github/links/:linkId" },
  references: { method: "GET", path: "/providers/github/references" },
} as const satisfies Record<string, RoutePath>;

/** The GitHub contracts without zod: method and path, typed from the schemas. */
export const githubRoutes = routesOf<typeof githubContracts>(githubPaths);
