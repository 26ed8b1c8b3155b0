import {
  type ApiKeyUsageQuery,
  type CreateApiKeyInput,
  apiKeyContracts as contracts,
  type RotateApiKeyInput,
  type UpdateApiKeyInput,
} from "@plugboard/core";
import type { Call } from "../call";
import type { CallOptions } from "../transport";

export function apiKeysResource(call: Call) {
  return {
    /** Admins get every key of the organization, members their own; plus what they may grant. */
    list: (options: CallOptions = {}) => call(contracts.list, {}, options),
    get: (id: string, options: CallOptions = {}) =>
      call(contracts.get, { params: { keyId: id } }, options),
    /** The answer's `secret` is the only copy there will ever be: show it once. */
    create: (input: CreateApiKeyInput, options: CallOptions = {}) =>
      call(contracts.create, { body: input }, options),
    /** Rename, or switch off (`enabled: false`) and on again. */
    update: (id: string, input: UpdateApiKeyInput, options: CallOptions = {}) =>
      call(contracts.update, { params: { keyId: id }, body: input }, options),
    /** A new key with the same settings; the old one works for `gracePeriodSeconds` (default 24 h). */
    rotate: (id: string, input: RotateApiKeyInput = {}, options: CallOptions = {}) =>
      call(contracts.rotate, { params: { keyId: id }, body: input }, options),
    revoke: (id: string, options: CallOptions = {}) =>
      call(contracts.revoke, { params: { keyId: id } }, options),
    /** Requests per hour or day, errors, status codes, latency and top endpoints. */
    usage: (id: string, query: ApiKeyUsageQuery = {}, options: CallOptions = {}) =>
      call(contracts.usage, { params: { keyId: id }, query }, options),
  };
}
