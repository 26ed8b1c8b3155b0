import type { accountLinkContracts } from "../contracts/account-links";
import { type RoutePath, routesOf } from "./route";

/** Where each account-link route lives; `accountLinkContracts` adds the schemas. */
export const accountLinkPaths = {
  list: { method: "GET", path: "/account-links" },
  remove: { method: "DELETE", path: "/account-links/:linkId" },
} as const satisfies Record<string, RoutePath>;

/** The account-link contracts without zod: method and path, typed from the schemas. */
export const accountLinkRoutes = routesOf<typeof accountLinkContracts>(accountLinkPaths);
