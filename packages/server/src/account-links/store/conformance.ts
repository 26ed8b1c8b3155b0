import { describe, expect, it } from "vitest";
import { type StoreUnderTest, storePerTest } from "../../stores/conformance/store-per-test";
import type { AccountLinkIntentRecord, AccountLinkRecord } from "./types";

let sequence = 0;

function linkRecord(overrides: Partial<AccountLinkRecord> = {}): AccountLinkRecord {
  sequence += 1;
  return {
    id: `acl_conformance${String(sequence).padStart(6, "0")}`,
    organizationId: "org_acme",
    provider: "slack",
    externalUserId: `U${sequence}`,
    externalAccountId: "T0001",
    externalUserName: "grace",
    userId: "usr_grace",
    createdAt: 1_764_000_000_000 + sequence,
    ...overrides,
  };
}

function intentRecord(overrides: Partial<AccountLinkIntentRecord> = {}): AccountLinkIntentRecord {
  sequence += 1;
  return {
    id: `${sequence}`.padStart(64, "f"),
    organizationId: "org_acme",
    provider: "slack",
    externalUserId: "U42",
    externalAccountId: "T0001",
    externalUserName: null,
    expiresAt: 2_000,
    ...overrides,
  };
}

export function describeAccountLinkStoreConformance(
  name: string,
  makeStore: () => Promise<StoreUnderTest>,
): void {
  describe(`${name}: AccountLinkStore conformance`, () => {
    const store = storePerTest(makeStore);

    it("finds a link by organization, provider and provider user, and nowhere else", async () => {
      const link = linkRecord({ externalUserId: "U1" });
      await store().accountLinks.upsert(link);

      expect(await store().accountLinks.find("org_acme", "slack", "U1")).toEqual(link);
      expect(await store().accountLinks.find("org_globex", "slack", "U1")).toBeNull();
      expect(await store().accountLinks.find("org_acme", "github", "U1")).toBeNull();
      expect(await store().accountLinks.get("org_globex", link.id)).toBeNull();
    });

    it("keeps one host user per provider user: linking again replaces the link", async () => {
      await store().accountLinks.upsert(linkRecord({ externalUserId: "U1", userId: "usr_grace" }));
      const again = linkRecord({ externalUserId: "U1", userId: "usr_alan" });
      await store().accountLinks.upsert(again);

      expect(await store().accountLinks.find("org_acme", "slack", "U1")).toEqual(again);
      expect(await store().accountLinks.list("org_acme")).toEqual([again]);
    });

    it("lists a user's links or the organization's, oldest first, and deletes once", async () => {
      const first = linkRecord({ userId: "usr_grace", createdAt: 1 });
      const second = linkRecord({ userId: "usr_alan", createdAt: 2 });
      const third = linkRecord({ userId: "usr_grace", createdAt: 3 });
      for (const link of [third, first, second]) await store().accountLinks.upsert(link);

      expect(await store().accountLinks.list("org_acme", "usr_grace")).toEqual([first, third]);
      expect(await store().accountLinks.list("org_acme")).toEqual([first, second, third]);
      expect(await store().accountLinks.delete("org_globex", first.id)).toBe(false);
      expect(await store().accountLinks.delete("org_acme", first.id)).toBe(true);
      expect(await store().accountLinks.delete("org_acme", first.id)).toBe(false);
      expect(await store().accountLinks.list("org_acme", "usr_grace")).toEqual([third]);
    });

    it("hands an intent to exactly one of two concurrent confirmations", async () => {
      const intent = intentRecord();
      await store().accountLinks.createIntent(intent);

      expect(await store().accountLinks.peekIntent(intent.id)).toEqual(intent);
      const results = await Promise.all([
        store().accountLinks.consumeIntent(intent.id),
        store().accountLinks.consumeIntent(intent.id),
      ]);
      expect(results.filter((result) => result !== null)).toEqual([intent]);
      expect(await store().accountLinks.peekIntent(intent.id)).toBeNull();
    });

    it("deletes only intents that expired", async () => {
      const expired = intentRecord({ expiresAt: 1_000 });
      const live = intentRecord({ expiresAt: 3_000 });
      await store().accountLinks.createIntent(expired);
      await store().accountLinks.createIntent(live);

      expect(await store().accountLinks.deleteExpiredIntents(2_000)).toBe(1);
      expect(await store().accountLinks.peekIntent(expired.id)).toBeNull();
      expect(await store().accountLinks.peekIntent(live.id)).toEqual(live);
    });
  });
}
