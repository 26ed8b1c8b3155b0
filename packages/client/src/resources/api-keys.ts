import type {
  ApiKeyUsageQuery,
  CreateApiKeyInput,
  RotateApiKeyInput,
  UpdateApiKeyInput,
} from "@plugboard/core";
import { apiKeyRoutes as routes } from "@plugboard/core/routes";
import type { Call } from "../call";
import type { CallOptions } from "../transport";

export function apiKeysResource(call: Call) {
  return {
    /** Admins get every key of the organization, members their own; plus what they may grant. */
    list: (options: CallOptions = {}) => call(routes.list, {}, options),
    get: (id: string, options: CallOptions = {}) =>
      call(routes.get, { params: { keyId: id } }, options),
    /** The answer's `secret` is the only copy there will ever be: show it once. */
    create: (input: CreateApiKeyInput, options: CallOptions = {}) =>
      call(routes.create, { body: input }, options),
    /** Rename, or switch off (`enabled: false`) and on again. */
    update: (id: string, input: UpdateApiKeyInput, options: CallOptions = {}) =>
      call(routes.update, { params: { keyId: id }, body: input }, options),
    /** A new key with the same settings; the old one works for `gracePeriodSeconds` (default 24 h). */
    rotate: (id: string, input: RotateApiKeyInput = {}, options: CallOptions = {}) =>
      call(routes.rotate, { params: { keyId: id }, body: input }, options),
    revoke: (id: string, options: CallOptions = {}) =>
      call(routes.revoke, { params: { keyId: id } }, options),
    /** Requests per hour or day, errors, status codes, latency and top endpoints. */
    usage: (id: string, query: ApiKeyUsageQuery = {}, options: CallOptions = {}) =>
      call(routes.usage, { params: { keyId: id }, query }, options),
  };
}
