import { createId, generateApiKey } from "@plugboard/core";
import type { PlugboardContext } from "../../context";
import { lookupHash } from "../lookup-hash";
import type { ApiKeyRecord } from "../store/types";

type KeyFields = Pick<
  ApiKeyRecord,
  | "organizationId"
  | "projectId"
  | "createdBy"
  | "name"
  | "scopes"
  | "rateLimitPerMinute"
  | "expiresAt"
  | "rotatedFromId"
>;

/** A new key and the record that stores only its hash. The secret leaves through the response. */
export async function issueApiKey(context: PlugboardContext, fields: KeyFields, now: number) {
  const { prefix, environment } = context.apiKeys.options;
  const { key, displayPrefix } = generateApiKey({ env: environment, prefix });
  const record: ApiKeyRecord = {
    id: createId("key"),
    ...fields,
    env: environment,
    displayPrefix,
    lookupHash: await lookupHash(key),
    revokedAt: null,
    disabledAt: null,
    lastUsedAt: null,
    usageCount: 0,
    createdAt: now,
    updatedAt: now,
  };
  return { secret: key, record };
}
