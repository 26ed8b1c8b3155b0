import type { webhookContracts } from "../contracts/webhooks";
import { type RoutePath, routesOf } from "./route";

const endpoint = "/webhooks/endpoints/:endpointId";

/** Where each webhook route lives; `webhookContracts` adds the schemas. */
export const webhookPaths = {
  list: { method: "GET", path: "/webhooks/endpoints" },
  create: { method: "POST", path: "/webhooks/endpoints" },
  get: { method: "GET", path: endpoint },
  update: { method: "PATCH", path: endpoint },
  remove: { method: "DELETE", path: endpoint },
  rotateSecret: { method: "POST", path: `${endpoint}/rotate-secret` },
  sendTest: { method: "POST", path: `${endpoint}/test` },
  listMessages: { method: "GET", path: `${endpoint}/messages` },
  listAttempts: { method: "GET", path: `${endpoint}/attempts` },
  resend: { method: "POST", path: `${endpoint}/resend` },
  recover: { method: "POST", path: `${endpoint}/recover` },
} as const satisfies Record<string, RoutePath>;

/** The webhook contracts without zod: method and path, typed from the schemas. */
export const webhookRoutes = routesOf<typeof webhookContracts>(webhookPaths);
