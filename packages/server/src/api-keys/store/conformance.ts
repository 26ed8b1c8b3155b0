import { PlugboardError } from "@plugboard/core";
import { describe, expect, it } from "vitest";
import type { StoreUnderTest } from "../../stores/conformance/store-per-test";
import { storePerTest } from "../../stores/conformance/store-per-test";
import type { ApiKeyRecord, ApiKeyUsageRecord } from "./types";

let sequence = 0;
const T0 = 1_764_000_000_000;

/** A complete key record; ids and hashes are unique per call. */
export function apiKeyRecord(overrides: Partial<ApiKeyRecord> = {}): ApiKeyRecord {
  sequence += 1;
  const n = String(sequence).padStart(6, "0");
  return {
    id: `key_conformance${n}`,
    organizationId: "org_acme",
    projectId: null,
    createdBy: "usr_ada",
    name: `Key ${n}`,
    env: "test",
    displayPrefix: "sk_test_Ab12",
    lookupHash: `${n}`.padStart(64, "a"),
    scopes: ["issues:read"],
    rateLimitPerMinute: 60,
    expiresAt: null,
    revokedAt: null,
    disabledAt: null,
    rotatedFromId: null,
    lastUsedAt: null,
    usageCount: 0,
    createdAt: T0 + sequence * 1000,
    updatedAt: T0 + sequence * 1000,
    ...overrides,
  };
}

function usageRow(
  key: ApiKeyRecord,
  overrides: Partial<ApiKeyUsageRecord> = {},
): ApiKeyUsageRecord {
  sequence += 1;
  return {
    id: `aku_conformance${String(sequence).padStart(6, "0")}`,
    keyId: key.id,
    organizationId: key.organizationId,
    at: T0,
    method: "GET",
    path: "/issues",
    status: 200,
    latencyMs: 1.5,
    userAgent: "curl/8",
    ip: "203.0.113.7",
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

export function describeApiKeyStoreConformance(
  name: string,
  makeStore: () => Promise<StoreUnderTest>,
): void {
  describe(`${name}: ApiKeyStore and RateLimiter conformance`, () => {
    const store = storePerTest(makeStore);

    it("round-trips every field, finds by hash across organizations, lists newest first", async () => {
      const older = apiKeyRecord({
        projectId: "prj_web",
        scopes: ["issues:*", "search:read"],
        expiresAt: 2 ** 41,
        rateLimitPerMinute: null,
        rotatedFromId: "key_before",
      });
      const newer = apiKeyRecord({ createdBy: "usr_grace" });
      const other = apiKeyRecord({ organizationId: "org_globex" });
      await store().apiKeys.create(older);
      await store().apiKeys.create(newer);
      await store().apiKeys.create(other);

      expect(await store().apiKeys.get("org_acme", older.id)).toEqual(older);
      expect(await store().apiKeys.findByHash(other.lookupHash)).toEqual(other);
      expect(await store().apiKeys.findByHash("f".repeat(64))).toBeNull();
      expect(await store().apiKeys.list("org_acme")).toEqual([newer, older]);
      expect(await store().apiKeys.list("org_acme", { createdBy: "usr_grace" })).toEqual([newer]);
      expect(await store().apiKeys.get("org_globex", older.id)).toBeNull();
    });

    it("refuses a duplicate hash with a conflict and keeps the first", async () => {
      const first = apiKeyRecord();
      await store().apiKeys.create(first);
      const error = await rejection(
        store().apiKeys.create(apiKeyRecord({ lookupHash: first.lookupHash })),
      );
      expect(error).toBeInstanceOf(PlugboardError);
      expect((error as PlugboardError).code).toBe("conflict");
      expect(await store().apiKeys.list("org_acme")).toEqual([first]);
    });

    it("revokes once: a later revoke never pushes revokedAt back, another org cannot", async () => {
      const key = apiKeyRecord();
      await store().apiKeys.create(key);
      expect(await store().apiKeys.revoke("org_globex", key.id, T0)).toBeNull();
      expect((await store().apiKeys.revoke("org_acme", key.id, T0 + 5))?.revokedAt).toBe(T0 + 5);
      expect((await store().apiKeys.revoke("org_acme", key.id, T0 + 9))?.revokedAt).toBe(T0 + 5);
      expect((await store().apiKeys.revoke("org_acme", key.id, T0 + 1))?.revokedAt).toBe(T0 + 1);
    });

    it("renames and disables, only within the organization", async () => {
      const key = apiKeyRecord();
      await store().apiKeys.create(key);
      expect(
        await store().apiKeys.update("org_globex", key.id, { name: "x", updatedAt: 1 }),
      ).toBeNull();
      const updated = await store().apiKeys.update("org_acme", key.id, {
        name: "Renamed",
        disabledAt: T0 + 7,
        updatedAt: T0 + 7,
      });
      expect(updated).toEqual({ ...key, name: "Renamed", disabledAt: T0 + 7, updatedAt: T0 + 7 });
      const enabled = await store().apiKeys.update("org_acme", key.id, {
        disabledAt: null,
        updatedAt: T0 + 8,
      });
      expect(enabled?.disabledAt).toBeNull();
      expect(enabled?.name).toBe("Renamed");
    });

    it("rotates atomically: successor stored and old key's revokedAt set, or neither", async () => {
      const old = apiKeyRecord();
      await store().apiKeys.create(old);
      const next = apiKeyRecord({ rotatedFromId: old.id, createdAt: T0 + 100_000 });
      const rotated = await store().apiKeys.rotate("org_acme", old.id, next, T0 + 200_000);
      expect(rotated?.revokedAt).toBe(T0 + 200_000);
      expect(await store().apiKeys.findByHash(next.lookupHash)).toEqual(next);

      // A successor whose hash collides fails the whole rotation: the old key is untouched.
      const fresh = apiKeyRecord();
      await store().apiKeys.create(fresh);
      const clash = apiKeyRecord({ lookupHash: next.lookupHash, createdAt: T0 + 100_000 });
      const error = await rejection(store().apiKeys.rotate("org_acme", fresh.id, clash, T0));
      expect((error as PlugboardError).code).toBe("conflict");
      expect(await store().apiKeys.get("org_acme", fresh.id)).toEqual(fresh);
      expect(await store().apiKeys.get("org_acme", clash.id)).toBeNull();
    });

    it("rotates a key once: of concurrent rotations exactly one stores a successor", async () => {
      const old = apiKeyRecord();
      await store().apiKeys.create(old);
      const successors = Array.from({ length: 4 }, () =>
        apiKeyRecord({ rotatedFromId: old.id, createdAt: T0 + 100_000 }),
      );
      const results = await Promise.all(
        successors.map((next, i) =>
          store().apiKeys.rotate("org_acme", old.id, next, T0 + 200_000 + i),
        ),
      );

      const winners = results.flatMap((result, i) => (result ? [i] : []));
      expect(winners).toHaveLength(1);
      const winner = winners[0] as number;
      expect((await store().apiKeys.get("org_acme", old.id))?.revokedAt).toBe(
        T0 + 200_000 + winner,
      );
      const stored = await store().apiKeys.list("org_acme");
      expect(stored.filter((key) => key.rotatedFromId === old.id)).toEqual([successors[winner]]);

      // Still in its grace period, the rotated key is not rotated a second time.
      const late = apiKeyRecord({ rotatedFromId: old.id, createdAt: T0 + 150_000 });
      expect(await store().apiKeys.rotate("org_acme", old.id, late, T0 + 300_000)).toBeNull();
      expect(await store().apiKeys.findByHash(late.lookupHash)).toBeNull();
    });

    it("does not rotate a revoked key, a missing one, or another organization's", async () => {
      const revoked = apiKeyRecord({ revokedAt: T0 });
      await store().apiKeys.create(revoked);
      const next = apiKeyRecord({ createdAt: T0 + 1000 });
      expect(await store().apiKeys.rotate("org_acme", revoked.id, next, T0 + 2000)).toBeNull();
      expect(await store().apiKeys.rotate("org_acme", "key_missing", next, T0 + 2000)).toBeNull();
      const live = apiKeyRecord();
      await store().apiKeys.create(live);
      expect(await store().apiKeys.rotate("org_globex", live.id, next, T0 + 2000)).toBeNull();
      expect(await store().apiKeys.findByHash(next.lookupHash)).toBeNull();
    });

    it("records usage, bumps count and last use, lists a range, prunes by age", async () => {
      const key = apiKeyRecord();
      await store().apiKeys.create(key);
      const rows = [
        usageRow(key, { at: T0 + 10, status: 200 }),
        usageRow(key, { at: T0 + 30, status: 429, userAgent: null, ip: null }),
        usageRow(key, { at: T0 + 20, status: 403, latencyMs: 0.25 }),
      ];
      await store().apiKeys.recordUsage(rows);
      await store().apiKeys.recordUsage([usageRow(key, { at: T0 + 5 })]);

      const stored = await store().apiKeys.get("org_acme", key.id);
      expect(stored?.usageCount).toBe(4);
      expect(stored?.lastUsedAt).toBe(T0 + 30);
      const listed = await store().apiKeys.listUsage("org_acme", key.id, T0 + 10, T0 + 30);
      expect(listed).toEqual([rows[0], rows[2]]);
      expect(await store().apiKeys.listUsage("org_globex", key.id, 0, 2 ** 50)).toEqual([]);

      expect(await store().apiKeys.pruneUsage(T0 + 20)).toBe(2);
      expect(
        (await store().apiKeys.listUsage("org_acme", key.id, 0, 2 ** 50)).map((row) => row.at),
      ).toEqual([T0 + 20, T0 + 30]);
    });

    it("lets exactly the limit through one window under 60 concurrent hits, then starts over", async () => {
      const minute = 60_000;
      const now = T0 - (T0 % minute) + 5_000;
      const results = await Promise.all(
        Array.from({ length: 60 }, () => store().rateLimits.hit("api-key:key_a", 25, minute, now)),
      );
      expect(results.filter((result) => result.allowed)).toHaveLength(25);
      expect(new Set(results.map((result) => result.resetAt))).toEqual(
        new Set([now - 5_000 + minute]),
      );
      expect(Math.min(...results.map((result) => result.remaining))).toBe(0);

      // Another bucket is counted apart; the next window starts over.
      expect((await store().rateLimits.hit("api-key:key_b", 25, minute, now)).remaining).toBe(24);
      const next = await store().rateLimits.hit("api-key:key_a", 25, minute, now + minute);
      expect(next).toEqual({
        allowed: true,
        limit: 25,
        remaining: 24,
        resetAt: now - 5_000 + 2 * minute,
      });
      // A hit stamped with an older window (a slow clock elsewhere) does not reset the count.
      const stale = await store().rateLimits.hit("api-key:key_a", 25, minute, now);
      expect(stale.remaining).toBe(23);
    });
  });
}
