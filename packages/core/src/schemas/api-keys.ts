import { z } from "zod";
import { apiKeyEnvironmentSchema } from "../api-keys/environments";
import { defaultRotationGraceSeconds } from "../api-keys/rotation";
import { type ApiKeyScope, apiKeyScopes } from "../api-keys/scopes";
import { timestampSchema } from "./common";

const resources = [...new Set(apiKeyScopes.map((entry) => entry.resource))];

export const apiKeyScopeSchema = z.enum([
  "*",
  ...resources.map((resource) => `${resource}:*` as const),
  ...apiKeyScopes.map((entry) => entry.scope),
] as [ApiKeyScope, ...ApiKeyScope[]]);

/**
 * `revoked` once `revokedAt` has passed (a rotated key is revoked at the end of its grace
 * period), `expired` once `expiresAt` has, `disabled` while switched off; otherwise `active`.
 */
export const apiKeyStatusSchema = z.enum(["active", "disabled", "expired", "revoked"]);
export type ApiKeyStatus = z.infer<typeof apiKeyStatusSchema>;

const nameSchema = z.string().trim().min(1, "Give the key a name").max(100);

/** One key as lists and dialogs show it: never the secret, never its hash. */
export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  organizationId: z.string(),
  /** The project the key is limited to; null for the whole organization. */
  projectId: z.string().nullable(),
  /** The user who created it; members see and manage only their own keys. */
  createdBy: z.string(),
  env: apiKeyEnvironmentSchema,
  /** `sk_live_AbCd`: enough to recognize the key, far too little to use it. */
  displayPrefix: z.string(),
  scopes: z.array(apiKeyScopeSchema),
  /** Requests allowed per minute; null for no limit. */
  rateLimitPerMinute: z.number().int().positive().nullable(),
  expiresAt: timestampSchema.nullable(),
  /** When it stops (or stopped) working; in the future while a rotation's grace period runs. */
  revokedAt: timestampSchema.nullable(),
  enabled: z.boolean(),
  status: apiKeyStatusSchema,
  /** The key this one replaced, when it was made by rotating. */
  rotatedFromId: z.string().nullable(),
  lastUsedAt: timestampSchema.nullable(),
  usageCount: z.number().int().nonnegative(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type ApiKey = z.infer<typeof apiKeySchema>;

export const apiKeyListSchema = z.object({
  data: z.array(apiKeySchema),
  /** The scopes the caller may put on a new key (see `grantableScopes`). */
  grantableScopes: z.array(apiKeyScopeSchema),
});
export type ApiKeyList = z.infer<typeof apiKeyListSchema>;

export const createApiKeySchema = z.object({
  name: nameSchema,
  scopes: z
    .array(apiKeyScopeSchema)
    .min(1, "Pick at least one scope")
    .max(32)
    .refine((scopes) => new Set(scopes).size === scopes.length, "Scopes must not repeat"),
  projectId: z.string().trim().min(1).max(200).nullable().optional(),
  /** Must be in the future; null or absent for a key that never expires. */
  expiresAt: timestampSchema.nullable().optional(),
  /** 1–100 000 per minute; null for none; absent for the host's default. */
  rateLimitPerMinute: z.number().int().min(1).max(100_000).nullable().optional(),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

/** Returned by create and rotate: the only time the secret is ever sent. */
export const createdApiKeySchema = z.object({
  apiKey: apiKeySchema,
  secret: z.string(),
});
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;

export const updateApiKeySchema = z
  .object({ name: nameSchema.optional(), enabled: z.boolean().optional() })
  .refine((input) => input.name !== undefined || input.enabled !== undefined, {
    message: "Change the name or enabled",
  });
export type UpdateApiKeyInput = z.infer<typeof updateApiKeySchema>;

export const rotateApiKeySchema = z.object({
  /** How long the old key keeps working: 0 revokes it now; at most 30 days. Default 24 h. */
  gracePeriodSeconds: z
    .number()
    .int()
    .min(0)
    .max(30 * 24 * 60 * 60)
    .default(defaultRotationGraceSeconds),
});
export type RotateApiKeyInput = z.input<typeof rotateApiKeySchema>;

export const apiKeyUsageGranularitySchema = z.enum(["hour", "day"]);
export type ApiKeyUsageGranularity = z.infer<typeof apiKeyUsageGranularitySchema>;

/** Query string of the usage route; `from`/`to` default to the last 24 hours. */
export const apiKeyUsageQuerySchema = z.object({
  from: timestampSchema.optional(),
  to: timestampSchema.optional(),
  granularity: apiKeyUsageGranularitySchema.optional(),
});
export type ApiKeyUsageQuery = z.infer<typeof apiKeyUsageQuerySchema>;

export const apiKeyUsageStatsSchema = z.object({
  keyId: z.string(),
  from: timestampSchema,
  to: timestampSchema,
  granularity: apiKeyUsageGranularitySchema,
  total: z.number().int().nonnegative(),
  /** Responses with a 4xx or 5xx status. */
  errors: z.number().int().nonnegative(),
  /** One bucket per hour or day from `from` to `to`, empty ones included, oldest first. */
  series: z.array(
    z.object({
      start: timestampSchema,
      requests: z.number().int().nonnegative(),
      errors: z.number().int().nonnegative(),
    }),
  ),
  statusCodes: z.array(z.object({ status: z.number().int(), count: z.number().int().positive() })),
  /** Milliseconds; null without requests. */
  latency: z.object({ p50: z.number().nullable(), p95: z.number().nullable() }),
  topEndpoints: z.array(
    z.object({ method: z.string(), path: z.string(), count: z.number().int().positive() }),
  ),
});
export type ApiKeyUsageStats = z.infer<typeof apiKeyUsageStatsSchema>;
