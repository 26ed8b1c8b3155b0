import {
  apiKeyListSchema,
  apiKeySchema,
  apiKeyUsageQuerySchema,
  apiKeyUsageStatsSchema,
  createApiKeySchema,
  createdApiKeySchema,
  rotateApiKeySchema,
  updateApiKeySchema,
} from "../schemas/api-keys";
import { defineContract } from "./contract";

/** Scoped API keys. Members manage their own keys (unless the host says not), admins all. */
export const apiKeyContracts = {
  /** Admins get every key of the organization, members their own; plus what they may grant. */
  list: defineContract({ method: "GET", path: "/api-keys", response: apiKeyListSchema }),
  get: defineContract({ method: "GET", path: "/api-keys/:keyId", response: apiKeySchema }),
  /** The answer's `secret` is the only copy there will ever be. */
  create: defineContract({
    method: "POST",
    path: "/api-keys",
    body: createApiKeySchema,
    response: createdApiKeySchema,
    status: 201,
  }),
  /** Rename, or switch off (`enabled: false`) and on again. */
  update: defineContract({
    method: "PATCH",
    path: "/api-keys/:keyId",
    body: updateApiKeySchema,
    response: apiKeySchema,
  }),
  /** A successor with the same settings; the old key works for the grace period. */
  rotate: defineContract({
    method: "POST",
    path: "/api-keys/:keyId/rotate",
    body: rotateApiKeySchema,
    response: createdApiKeySchema,
    status: 201,
  }),
  revoke: defineContract({
    method: "POST",
    path: "/api-keys/:keyId/revoke",
    response: apiKeySchema,
  }),
  /** Requests per hour or day, errors, status codes, latency and top endpoints. */
  usage: defineContract({
    method: "GET",
    path: "/api-keys/:keyId/usage",
    query: apiKeyUsageQuerySchema,
    response: apiKeyUsageStatsSchema,
  }),
};
