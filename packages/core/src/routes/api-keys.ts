import type { apiKeyContracts } from "../contracts/api-keys";
import { type RoutePath, routesOf } from "./route";

/** Where each API-key route lives; `apiKeyContracts` adds the schemas. */
export const apiKeyPaths = {
  list: { method: "GET", path: "/api-keys" },
  get: { method: "GET", path: "/api-keys/:keyId" },
  create: { method: "POST", path: "/api-keys" },
  update: { method: "PATCH", path: "/api-keys/:keyId" },
  rotate: { method: "POST", path: "/api-keys/:keyId/rotate" },
  revoke: { method: "POST", path: "/api-keys/:keyId/revoke" },
  usage: { method: "GET", path: "/api-keys/:keyId/usage" },
} as const satisfies Record<string, RoutePath>;

/** The API-key contracts without zod: method and path, typed from the schemas. */
export const apiKeyRoutes = routesOf<typeof apiKeyContracts>(apiKeyPaths);
