import type { ssoContracts } from "../contracts/sso";
import { type RoutePath, routesOf } from "./route";

/** Where each SSO route lives; `ssoContracts` adds the schemas. */
export const ssoPaths = {
  listConnections: { method: "GET", path: "/sso/connections" },
  createConnection: { method: "POST", path: "/sso/connections" },
  getConnection: { method: "GET", path: "/sso/connections/:connectionId" },
  updateConnection: { method: "PATCH", path: "/sso/connections/:connectionId" },
  deleteConnection: { method: "DELETE", path: "/sso/connections/:connectionId" },
  testConnection: { method: "POST", path: "/sso/connections/:connectionId/test" },
  listDomains: { method: "GET", path: "/sso/domains" },
  addDomain: { method: "POST", path: "/sso/domains" },
  verifyDomain: { method: "POST", path: "/sso/domains/:domainId/verify" },
  removeDomain: { method: "DELETE", path: "/sso/domains/:domainId" },
  getPolicy: { method: "GET", path: "/sso/policy" },
  putPolicy: { method: "PUT", path: "/sso/policy" },
  listLoginAttempts: { method: "GET", path: "/sso/login-attempts" },
} as const satisfies Record<string, RoutePath>;

/** The SSO contracts without zod: method and path, typed from the schemas. */
export const ssoRoutes = routesOf<typeof ssoContracts>(ssoPaths);
