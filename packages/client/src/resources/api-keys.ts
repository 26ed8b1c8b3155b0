import {
  type ApiKeyUsageQuery,
  apiKeyListSchema,
  apiKeySchema,
  apiKeyUsageStatsSchema,
  type CreateApiKeyInput,
  createdApiKeySchema,
  type RotateApiKeyInput,
  type UpdateApiKeyInput,
} from "@plugboard/core";
import type { CallOptions, Transport } from "../transport";

const keyPath = (id: string) => `api-keys/${encodeURIComponent(id)}`;

export function apiKeysResource(call: Transport) {
  return {
    /** Admins get every key of the organization, members their own; plus what they may grant. */
    list: (options: CallOptions = {}) =>
      call({ method: "get", path: "api-keys", schema: apiKeyListSchema, ...options }),
    get: (id: string, options: CallOptions = {}) =>
      call({ method: "get", path: keyPath(id), schema: apiKeySchema, ...options }),
    /** The answer's `secret` is the only copy there will ever be: show it once. */
    create: (input: CreateApiKeyInput, options: CallOptions = {}) =>
      call({
        method: "post",
        path: "api-keys",
        json: input,
        schema: createdApiKeySchema,
        ...options,
      }),
    /** Rename, or switch off (`enabled: false`) and on again. */
    update: (id: string, input: UpdateApiKeyInput, options: CallOptions = {}) =>
      call({ method: "patch", path: keyPath(id), json: input, schema: apiKeySchema, ...options }),
    /** A new key with the same settings; the old one works for `gracePeriodSeconds` (default 24 h). */
    rotate: (id: string, input: RotateApiKeyInput = {}, options: CallOptions = {}) =>
      call({
        method: "post",
        path: `${keyPath(id)}/rotate`,
        json: input,
        schema: createdApiKeySchema,
        ...options,
      }),
    revoke: (id: string, options: CallOptions = {}) =>
      call({ method: "post", path: `${keyPath(id)}/revoke`, schema: apiKeySchema, ...options }),
    /** Requests per hour or day, errors, status codes, latency and top endpoints. */
    usage: (id: string, query: ApiKeyUsageQuery = {}, options: CallOptions = {}) => {
      const search = new URLSearchParams(
        Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined),
      ).toString();
      return call({
        method: "get",
        path: `${keyPath(id)}/usage${search ? `?${search}` : ""}`,
        schema: apiKeyUsageStatsSchema,
        ...options,
      });
    },
  };
}
