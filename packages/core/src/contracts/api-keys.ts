import { apiKeyPaths as paths } from "../routes/api-keys";
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
  list: defineContract({ ...paths.list, response: apiKeyListSchema }),
  get: defineContract({ ...paths.get, response: apiKeySchema }),
  /** The answer's `secret` is the only copy there will ever be. */
  create: defineContract({
    ...paths.create,
    body: createApiKeySchema,
    response: createdApiKeySchema,
    status: 201,
  }),
  /** Rename, or switch off (`enabled: false`) and on again. */
  update: defineContract({
    ...paths.update,
    body: updateApiKeySchema,
    response: apiKeySchema,
  }),
  /** A successor with the same settings; the old key works for the grace period. */
  rotate: defineContract({
    ...paths.rotate,
    body: rotateApiKeySchema,
    response: createdApiKeySchema,
    status: 201,
  }),
  revoke: defineContract({
    ...paths.revoke,
    response: apiKeySchema,
  }),
  /** Requests per hour or day, errors, status codes, latency and top endpoints. */
  usage: defineContract({
    ...paths.usage,
    query: apiKeyUsageQuerySchema,
    response: apiKeyUsageStatsSchema,
  }),
};
