import type { integrationContracts } from "../contracts/integrations";
import { type RoutePath, routesOf } from "./route";

/** Where each integration route lives; `integrationContracts` adds the schemas. */
export const integrationPaths = {
  list: { method: "GET", path: "/integrations" },
  get: { method: "GET", path: "/integrations/:provider" },
  installWebhook: { method: "POST", path: "/integrations/:provider/installations" },
  uninstall: { method: "DELETE", path: "/integrations/:provider/installations/:installationId" },
  authorize: { method: "POST", path: "/integrations/:provider/authorize" },
} as const satisfies Record<string, RoutePath>;

/** The integration contracts without zod: method and path, typed from the schemas. */
export const integrationRoutes = routesOf<typeof integrationContracts>(integrationPaths);
