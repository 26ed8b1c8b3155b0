import type { ApiKeyRecord, ApiKeyUsageRecord, Store } from "@plugboard/server";
import { fixtureIdentities } from "./fixtures";

const hour = 60 * 60 * 1000;
const day = 24 * hour;

/**
 * Acme's keys, dated relative to when the module loads so "expiring soon" and "last used"
 * read the same on any day: Ada's busy CI key, Grace's project key that expires in three days,
 * and a revoked one. Their secrets exist nowhere; only made-up hashes are stored.
 */
export function fixtureApiKeys(now = Date.now()): ApiKeyRecord[] {
  const base = {
    organizationId: "org_acme",
    env: "test",
    revokedAt: null,
    disabledAt: null,
    rotatedFromId: null,
    expiresAt: null,
  } as const;
  return [
    {
      ...base,
      id: "key_fixture_ci",
      projectId: null,
      createdBy: fixtureIdentities.admin.userId,
      name: "CI deploy",
      displayPrefix: "sk_test_7fQa",
      lookupHash: "1".repeat(64),
      scopes: ["issues:read", "issues:write", "projects:read"],
      rateLimitPerMinute: 600,
      lastUsedAt: now - 2 * hour,
      usageCount: 1_284,
      createdAt: now - 40 * day,
      updatedAt: now - 40 * day,
    },
    {
      ...base,
      id: "key_fixture_zapier",
      projectId: "prj_web",
      createdBy: fixtureIdentities.member.userId,
      name: "Zapier",
      displayPrefix: "sk_test_Zp3x",
      lookupHash: "2".repeat(64),
      scopes: ["issues:read", "comments:write"],
      rateLimitPerMinute: 60,
      expiresAt: now + 3 * day,
      lastUsedAt: null,
      usageCount: 0,
      createdAt: now - 27 * day,
      updatedAt: now - 27 * day,
    },
    {
      ...base,
      id: "key_fixture_old",
      projectId: null,
      createdBy: fixtureIdentities.admin.userId,
      name: "Old import script",
      displayPrefix: "sk_test_Ol9d",
      lookupHash: "3".repeat(64),
      scopes: ["*"],
      rateLimitPerMinute: null,
      revokedAt: now - 10 * day,
      lastUsedAt: now - 11 * day,
      usageCount: 52,
      createdAt: now - 90 * day,
      updatedAt: now - 10 * day,
    },
  ];
}

/** A day of the CI key's traffic: busier in working hours, a few 4xx and 5xx. */
export function fixtureApiKeyUsage(now = Date.now()): ApiKeyUsageRecord[] {
  const rows: ApiKeyUsageRecord[] = [];
  const paths = ["/v1/issues", "/v1/issues/123", "/v1/projects"];
  for (let h = 23; h >= 0; h--) {
    const count = 4 + ((h * 7) % 9);
    for (let i = 0; i < count; i++) {
      const n = rows.length;
      rows.push({
        id: `aku_fixture_${String(n).padStart(4, "0")}`,
        keyId: "key_fixture_ci",
        organizationId: "org_acme",
        at: now - h * hour - i * 60_000,
        method: i % 4 === 0 ? "POST" : "GET",
        path: paths[n % paths.length] as string,
        status: n % 17 === 0 ? 500 : n % 11 === 0 ? 429 : n % 13 === 0 ? 404 : 200,
        latencyMs: 20 + ((n * 37) % 180),
        userAgent: "github-actions",
        ip: null,
      });
    }
  }
  return rows;
}

export async function seedApiKeys(store: Store, now = Date.now()): Promise<void> {
  for (const record of fixtureApiKeys(now)) await store.apiKeys.create(record);
  await store.apiKeys.recordUsage(fixtureApiKeyUsage(now));
}
