import type { WebhookLogCursor } from "@plugboard/core";
import { describe, expect, it } from "vitest";
import type { StoreUnderTest } from "../../stores/conformance/store-per-test";
import { storePerTest } from "../../stores/conformance/store-per-test";
import type { WebhookAttemptRecord, WebhookEndpointRecord, WebhookMessageRecord } from "./types";

let sequence = 0;
const T0 = 1_764_000_000_000;
const next = () => String(++sequence).padStart(6, "0");

export function webhookEndpointRecord(
  overrides: Partial<WebhookEndpointRecord> = {},
): WebhookEndpointRecord {
  const n = next();
  return {
    id: `whe_conformance${n}`,
    organizationId: "org_acme",
    projectId: null,
    url: `https://hooks.example.com/${n}`,
    secretUrl: null,
    description: "",
    destination: "standard",
    eventMode: "individual",
    events: ["issue.created", "issue.updated"],
    enabled: true,
    disabledReason: null,
    disabledAt: null,
    secret: "v1.k1.aXY=.c2VhbGVk",
    secretHint: "whsec_…AbCd",
    previousSecret: null,
    previousSecretExpiresAt: null,
    consecutiveFailures: 0,
    failingSince: null,
    lastDeliveryStatus: null,
    lastDeliveryAt: null,
    createdAt: T0 + sequence * 1000,
    updatedAt: T0 + sequence * 1000,
    ...overrides,
  };
}

export function webhookMessageRecord(
  endpoint: WebhookEndpointRecord,
  overrides: Partial<WebhookMessageRecord> = {},
): WebhookMessageRecord {
  const n = next();
  return {
    id: `msg_conformance${n}`,
    organizationId: endpoint.organizationId,
    endpointId: endpoint.id,
    eventId: `evt_conformance${n}`,
    eventType: "issue.created",
    body: '{"type":"issue.created","timestamp":"2025-11-24T16:00:00.000Z","data":{"id":"1"}}',
    status: "pending",
    attemptCount: 0,
    nextAttemptAt: T0,
    lastAttemptAt: null,
    trigger: "scheduled",
    leaseOwner: null,
    leaseUntil: null,
    createdAt: T0 + sequence,
    ...overrides,
  };
}

function attemptFor(
  message: WebhookMessageRecord,
  overrides: Partial<WebhookAttemptRecord> = {},
): WebhookAttemptRecord {
  return {
    id: `att_conformance${next()}`,
    organizationId: message.organizationId,
    messageId: message.id,
    endpointId: message.endpointId,
    status: "failed",
    trigger: "scheduled",
    responseStatus: 500,
    responseBody: "oops",
    error: null,
    latencyMs: 12,
    nextRetryAt: T0 + 5000,
    createdAt: T0 + 100,
    ...overrides,
  };
}

const event = (organizationId: string, idempotencyKey: string | null = null) => ({
  id: `evt_conformance${next()}`,
  organizationId,
  type: "issue.created",
  idempotencyKey,
  createdAt: T0,
});

export function describeWebhookStoreConformance(
  name: string,
  makeStore: () => Promise<StoreUnderTest>,
): void {
  describe(`${name}: WebhookStore conformance`, () => {
    const store = storePerTest(makeStore);

    it("stores an endpoint with every field intact and keeps organizations apart", async () => {
      const endpoint = webhookEndpointRecord({
        projectId: "prj_1",
        url: "https://api.pumble.com/…4321",
        secretUrl: "v1.k1.dXJs.c2VhbGVk",
        destination: "pumble",
        previousSecret: "v1.k1.b2xk.c2VhbGVk",
        previousSecretExpiresAt: T0 + 86_400_000,
      });
      await store().webhooks.createEndpoint(endpoint);
      expect(await store().webhooks.getEndpoint("org_acme", endpoint.id)).toEqual(endpoint);
      expect(await store().webhooks.getEndpoint("org_other", endpoint.id)).toBeNull();
      expect(await store().webhooks.listEndpoints("org_other")).toEqual([]);
      expect(await store().webhooks.getEndpointsById([endpoint.id])).toEqual([endpoint]);
    });

    it("lists endpoints oldest first and updates only the given fields", async () => {
      const first = webhookEndpointRecord();
      const second = webhookEndpointRecord();
      await store().webhooks.createEndpoint(second);
      await store().webhooks.createEndpoint(first);
      expect((await store().webhooks.listEndpoints("org_acme")).map((e) => e.id)).toEqual([
        first.id,
        second.id,
      ]);
      const updated = await store().webhooks.updateEndpoint("org_acme", first.id, {
        description: "CI",
        events: ["issue.deleted"],
        secretUrl: "v1.k1.dXJs.c2VhbGVk",
        updatedAt: T0 + 9,
      });
      expect(updated).toEqual({
        ...first,
        description: "CI",
        events: ["issue.deleted"],
        secretUrl: "v1.k1.dXJs.c2VhbGVk",
        updatedAt: T0 + 9,
      });
      expect(
        await store().webhooks.updateEndpoint("org_other", first.id, { updatedAt: 1 }),
      ).toBeNull();
    });

    it("disables an enabled endpoint once: a second caller learns it lost the race", async () => {
      const endpoint = webhookEndpointRecord();
      await store().webhooks.createEndpoint(endpoint);
      const disabled = await store().webhooks.disableEndpoint(endpoint.id, "gone", T0 + 5);
      expect(disabled).toMatchObject({
        enabled: false,
        disabledReason: "gone",
        disabledAt: T0 + 5,
      });
      expect(await store().webhooks.disableEndpoint(endpoint.id, "failing", T0 + 6)).toBeNull();
    });

    it("publishes an event with its messages, and not again for a repeated idempotency key", async () => {
      const endpoint = webhookEndpointRecord();
      await store().webhooks.createEndpoint(endpoint);
      const first = event("org_acme", "key-1");
      const message = webhookMessageRecord(endpoint, { eventId: first.id });
      expect(await store().webhooks.publish(first, () => [message])).toEqual({
        event: first,
        duplicate: false,
        messages: 1,
      });
      const again = await store().webhooks.publish(event("org_acme", "key-1"), () => [
        webhookMessageRecord(endpoint),
      ]);
      expect(again).toEqual({ event: first, duplicate: true, messages: 0 });
      // Another organization may use the same key; events without a key never collide.
      expect(
        (await store().webhooks.publish(event("org_other", "key-1"), () => [])).duplicate,
      ).toBe(false);
      expect((await store().webhooks.publish(event("org_acme"), () => [])).duplicate).toBe(false);
      expect((await store().webhooks.publish(event("org_acme"), () => [])).duplicate).toBe(false);
      const listed = await store().webhooks.listMessages("org_acme", endpoint.id, { limit: 10 });
      expect(listed).toEqual([message]);
    });

    it("claims due messages once while their lease holds, and again after it lapses", async () => {
      const endpoint = webhookEndpointRecord();
      await store().webhooks.createEndpoint(endpoint);
      const due = webhookMessageRecord(endpoint, { nextAttemptAt: T0 });
      const later = webhookMessageRecord(endpoint, { nextAttemptAt: T0 + 60_000 });
      const done = webhookMessageRecord(endpoint, { status: "succeeded", nextAttemptAt: null });
      await store().webhooks.publish(event("org_acme"), () => [due, later, done]);

      const claimed = await store().webhooks.claimDue(T0, 10, "dsp_a", T0 + 30_000);
      expect(claimed.map((m) => m.id)).toEqual([due.id]);
      expect(claimed[0]).toMatchObject({ leaseOwner: "dsp_a", leaseUntil: T0 + 30_000 });
      expect(await store().webhooks.claimDue(T0 + 1, 10, "dsp_b", T0 + 30_001)).toEqual([]);
      const retaken = await store().webhooks.claimDue(T0 + 30_000, 10, "dsp_b", T0 + 60_000);
      expect(retaken.map((m) => m.id)).toEqual([due.id]);
    });

    it("records an attempt, moves the message on and tracks the endpoint's failure streak", async () => {
      const endpoint = webhookEndpointRecord();
      await store().webhooks.createEndpoint(endpoint);
      const message = webhookMessageRecord(endpoint);
      await store().webhooks.publish(event("org_acme"), () => [message]);
      await store().webhooks.claimDue(T0, 10, "dsp_a", T0 + 30_000);

      const failure = attemptFor(message);
      const health = await store().webhooks.recordAttempt(
        failure,
        { status: "pending", nextAttemptAt: T0 + 5000 },
        "dsp_a",
      );
      expect(health).toMatchObject({
        consecutiveFailures: 1,
        failingSince: failure.createdAt,
        lastDeliveryStatus: "failed",
      });
      expect(await store().webhooks.getMessage("org_acme", message.id)).toMatchObject({
        status: "pending",
        attemptCount: 1,
        nextAttemptAt: T0 + 5000,
        lastAttemptAt: failure.createdAt,
        leaseOwner: null,
        leaseUntil: null,
      });

      // A dispatcher whose lease lapsed does not overwrite the message, but its attempt is logged.
      const stale = attemptFor(message, { createdAt: T0 + 200 });
      await store().webhooks.recordAttempt(
        stale,
        { status: "failed", nextAttemptAt: null },
        "dsp_x",
      );
      expect((await store().webhooks.getMessage("org_acme", message.id))?.status).toBe("pending");

      const success = attemptFor(message, {
        status: "succeeded",
        responseStatus: 204,
        responseBody: "",
        nextRetryAt: null,
        createdAt: T0 + 300,
      });
      const healed = await store().webhooks.recordAttempt(
        success,
        { status: "succeeded", nextAttemptAt: null },
        null,
      );
      expect(healed).toMatchObject({ consecutiveFailures: 0, failingSince: null });
      const attempts = await store().webhooks.listAttempts("org_acme", endpoint.id, { limit: 10 });
      expect(attempts).toEqual([success, stale, failure]);
      expect(
        await store().webhooks.listAttempts("org_acme", endpoint.id, {
          messageId: "msg_none",
          limit: 10,
        }),
      ).toEqual([]);
      const stats = await store().webhooks.endpointStats("org_acme", T0);
      expect(stats.get(endpoint.id)).toEqual({ attempts: 3, failures: 2 });
    });

    it("records many attempts at once, each answered, and one bad write fails alone", async () => {
      const endpoint = webhookEndpointRecord();
      await store().webhooks.createEndpoint(endpoint);
      const messages = Array.from({ length: 20 }, () => webhookMessageRecord(endpoint));
      await store().webhooks.publish(event("org_acme"), () => messages);
      await store().webhooks.claimDue(T0, 50, "dsp_a", T0 + 30_000);
      const attempts = messages.map((message, index) =>
        attemptFor(message, { createdAt: T0 + 100 + index }),
      );
      // The same attempt id twice: that write breaks the unique key, the others must not care.
      const duplicate = { ...(attempts[0] as WebhookAttemptRecord) };

      const outcomes = await Promise.allSettled([
        ...attempts.map((attempt) =>
          store().webhooks.recordAttempt(
            attempt,
            { status: "pending", nextAttemptAt: T0 + 5000 },
            "dsp_a",
          ),
        ),
        store().webhooks.recordAttempt(duplicate, { status: "failed", nextAttemptAt: null }, null),
      ]);

      expect(outcomes.slice(0, 20).map((outcome) => outcome.status)).toEqual(
        Array(20).fill("fulfilled"),
      );
      expect(outcomes[20]?.status).toBe("rejected");
      const streaks = outcomes
        .slice(0, 20)
        .map((outcome) => (outcome.status === "fulfilled" ? outcome.value?.id : null));
      expect(streaks).toEqual(Array(20).fill(endpoint.id));
      expect(await store().webhooks.endpointStats("org_acme", T0)).toEqual(
        new Map([[endpoint.id, { attempts: 20, failures: 20 }]]),
      );
      const stored = await store().webhooks.getEndpoint("org_acme", endpoint.id);
      expect(stored?.consecutiveFailures).toBe(20);
      for (const message of messages) {
        expect(await store().webhooks.getMessage("org_acme", message.id)).toMatchObject({
          attemptCount: 1,
          leaseOwner: null,
        });
      }
    });

    it("requeues one message or the failed ones in a window, and fails claimed strays", async () => {
      const endpoint = webhookEndpointRecord();
      await store().webhooks.createEndpoint(endpoint);
      const old = webhookMessageRecord(endpoint, {
        status: "failed",
        nextAttemptAt: null,
        createdAt: T0 - 10,
      });
      const inWindow = webhookMessageRecord(endpoint, {
        status: "failed",
        nextAttemptAt: null,
        createdAt: T0 + 10,
      });
      const ok = webhookMessageRecord(endpoint, {
        status: "succeeded",
        nextAttemptAt: null,
        createdAt: T0 + 20,
      });
      await store().webhooks.publish(event("org_acme"), () => [old, inWindow, ok]);

      expect(
        await store().webhooks.requeueFailed("org_acme", endpoint.id, T0, T0 + 100, T0 + 500),
      ).toBe(1);
      expect(await store().webhooks.getMessage("org_acme", inWindow.id)).toMatchObject({
        status: "pending",
        nextAttemptAt: T0 + 500,
        attemptCount: 0,
        trigger: "manual",
      });
      expect(await store().webhooks.requeueMessage("org_other", endpoint.id, ok.id, T0)).toBeNull();
      expect(
        await store().webhooks.requeueMessage("org_acme", endpoint.id, ok.id, T0 + 600),
      ).toMatchObject({
        status: "pending",
        nextAttemptAt: T0 + 600,
      });

      const claimed = await store().webhooks.claimDue(T0 + 1000, 10, "dsp_a", T0 + 2000);
      await store().webhooks.failMessages(
        claimed.map((m) => m.id),
        "dsp_a",
      );
      const statuses = await store().webhooks.listMessages("org_acme", endpoint.id, {
        status: "failed",
        limit: 10,
      });
      expect(statuses.map((m) => m.id).sort()).toEqual([old.id, inWindow.id, ok.id].sort());
    });

    it("hands publish the organization's endpoints inside its write, and skips it for a repeated key", async () => {
      const older = webhookEndpointRecord();
      const newer = webhookEndpointRecord();
      const elsewhere = webhookEndpointRecord({ organizationId: "org_other" });
      for (const endpoint of [newer, elsewhere, older]) {
        await store().webhooks.createEndpoint(endpoint);
      }
      const seen: string[][] = [];
      const first = event("org_acme", "key-seen");
      const result = await store().webhooks.publish(first, (endpoints) => {
        seen.push(endpoints.map((endpoint) => endpoint.id));
        return endpoints
          .filter((endpoint) => endpoint.id === newer.id)
          .map((endpoint) => webhookMessageRecord(endpoint, { eventId: first.id }));
      });
      expect(result).toMatchObject({ duplicate: false, messages: 1 });
      expect(seen).toEqual([[older.id, newer.id]]);
      expect(await store().webhooks.listMessages("org_acme", newer.id, { limit: 10 })).toHaveLength(
        1,
      );
      expect(await store().webhooks.listMessages("org_acme", older.id, { limit: 10 })).toEqual([]);

      const again = await store().webhooks.publish(event("org_acme", "key-seen"), (endpoints) => {
        seen.push(endpoints.map((endpoint) => endpoint.id));
        return endpoints.map((endpoint) => webhookMessageRecord(endpoint));
      });
      expect(again).toMatchObject({ duplicate: true, messages: 0 });
      expect(await store().webhooks.listMessages("org_acme", older.id, { limit: 10 })).toEqual([]);
    });

    describe("delivery log paging", () => {
      // 25 rows, four to a millisecond, so pages of 10 are cut inside a millisecond. Row n is the
      // n-th oldest, and they are written oldest first, unlike the log's order. The ids sort the
      // same under every collation.
      const logRows = Array.from({ length: 25 }, (_, n) => ({
        n: String(n).padStart(2, "0"),
        createdAt: T0 + Math.floor(n / 4),
      }));
      /** The log's order: newest first, the larger id first within a millisecond: row 24 to 0. */
      const newestFirst = (prefix: string) => logRows.map((row) => `${prefix}${row.n}`).reverse();
      const even = (id: string) => Number(id.slice(-2)) % 2 === 0;

      /**
       * Pages through `list`, each page starting after the last row of the one before, until a
       * page comes back short. At most 10 pages, so a store that ignores `before` fails, not hangs.
       */
      async function pageThrough(
        list: (before: WebhookLogCursor | undefined) => Promise<WebhookLogCursor[]>,
        limit: number,
      ) {
        const pages: string[][] = [];
        let before: WebhookLogCursor | undefined;
        while (pages.length < 10) {
          const page = await list(before);
          pages.push(page.map((row) => row.id));
          const last = page.at(-1);
          if (page.length < limit || !last) break;
          before = { createdAt: last.createdAt, id: last.id };
        }
        return pages;
      }

      it("pages through messages with a cursor: every row once, in order, ties included", async () => {
        const endpoint = webhookEndpointRecord();
        const other = webhookEndpointRecord();
        await store().webhooks.createEndpoint(endpoint);
        await store().webhooks.createEndpoint(other);
        const messages = logRows.map(({ n, createdAt }) =>
          webhookMessageRecord(endpoint, {
            id: `msg_page${n}`,
            createdAt,
            status: even(n) ? "failed" : "succeeded",
          }),
        );
        // Another endpoint's rows in the same milliseconds stay out of every page.
        const elsewhere = logRows.map(({ n, createdAt }) =>
          webhookMessageRecord(other, { id: `msg_else${n}`, createdAt }),
        );
        await store().webhooks.publish(event("org_acme"), () => [...messages, ...elsewhere]);

        const pages = await pageThrough(
          (before) => store().webhooks.listMessages("org_acme", endpoint.id, { limit: 10, before }),
          10,
        );
        expect(pages.map((page) => page.length)).toEqual([10, 10, 5]);
        expect(pages.flat()).toEqual(newestFirst("msg_page"));

        // Filters and the cursor combine: the failed ones, 4 at a time.
        const failed = await pageThrough(
          (before) =>
            store().webhooks.listMessages("org_acme", endpoint.id, {
              status: "failed",
              limit: 4,
              before,
            }),
          4,
        );
        expect(failed.flat()).toEqual(newestFirst("msg_page").filter(even));
      });

      it("pages through attempts with a cursor: every row once, in order, ties included", async () => {
        const endpoint = webhookEndpointRecord();
        await store().webhooks.createEndpoint(endpoint);
        const first = webhookMessageRecord(endpoint);
        const second = webhookMessageRecord(endpoint);
        await store().webhooks.publish(event("org_acme"), () => [first, second]);
        for (const { n, createdAt } of logRows) {
          await store().webhooks.recordAttempt(
            attemptFor(even(n) ? first : second, { id: `att_page${n}`, createdAt }),
            { status: "pending", nextAttemptAt: null },
            "dsp_nobody",
          );
        }

        const pages = await pageThrough(
          (before) => store().webhooks.listAttempts("org_acme", endpoint.id, { limit: 10, before }),
          10,
        );
        expect(pages.map((page) => page.length)).toEqual([10, 10, 5]);
        expect(pages.flat()).toEqual(newestFirst("att_page"));

        const ofFirst = await pageThrough(
          (before) =>
            store().webhooks.listAttempts("org_acme", endpoint.id, {
              messageId: first.id,
              limit: 5,
              before,
            }),
          5,
        );
        expect(ofFirst.flat()).toEqual(newestFirst("att_page").filter(even));
      });
    });

    describe("retention", () => {
      const DAY = 86_400_000;
      const before = T0 - 30 * DAY;
      const old = T0 - 40 * DAY;

      it("deletes finished messages idle since the cutoff with their attempts, never a pending one", async () => {
        const endpoint = webhookEndpointRecord();
        const other = webhookEndpointRecord({ organizationId: "org_other" });
        await store().webhooks.createEndpoint(endpoint);
        await store().webhooks.createEndpoint(other);
        const delivered = webhookMessageRecord(endpoint, {
          status: "succeeded",
          nextAttemptAt: null,
          lastAttemptAt: old,
          createdAt: old,
        });
        const neverTried = webhookMessageRecord(other, {
          status: "failed",
          nextAttemptAt: null,
          createdAt: old,
        });
        const stillPending = webhookMessageRecord(endpoint, { nextAttemptAt: T0, createdAt: old });
        const resentLately = webhookMessageRecord(endpoint, {
          status: "failed",
          nextAttemptAt: null,
          lastAttemptAt: T0 - DAY,
          createdAt: old,
        });
        const recent = webhookMessageRecord(endpoint, {
          status: "succeeded",
          nextAttemptAt: null,
          lastAttemptAt: T0,
          createdAt: T0,
        });
        await store().webhooks.publish(event("org_acme"), () => [
          delivered,
          stillPending,
          resentLately,
          recent,
        ]);
        await store().webhooks.publish(event("org_other"), () => [neverTried]);
        const log = async (message: WebhookMessageRecord, createdAt: number) => {
          const attempt = attemptFor(message, { createdAt });
          await store().webhooks.recordAttempt(
            attempt,
            { status: message.status, nextAttemptAt: message.nextAttemptAt },
            "dsp_nobody", // holds no lease: the attempt is logged, the message left as it is
          );
          return attempt;
        };
        await log(delivered, old);
        await log(stillPending, old);
        const keptPending = await log(stillPending, T0 - DAY);
        const oldOfResent = await log(resentLately, old);
        const lateOfResent = await log(resentLately, T0 - DAY);
        const ofRecent = await log(recent, T0);

        expect(await store().webhooks.prune(before)).toEqual({
          messages: 2,
          attempts: 3,
          events: 0,
        });

        expect(await store().webhooks.getMessage("org_acme", delivered.id)).toBeNull();
        expect(await store().webhooks.getMessage("org_other", neverTried.id)).toBeNull();
        for (const kept of [stillPending, resentLately, recent]) {
          expect(await store().webhooks.getMessage("org_acme", kept.id), kept.id).toEqual(kept);
        }
        const attempts = await store().webhooks.listAttempts("org_acme", endpoint.id, {
          limit: 10,
        });
        expect(attempts.map((attempt) => attempt.id).sort()).toEqual(
          [keptPending.id, lateOfResent.id, ofRecent.id].sort(),
        );
        expect(attempts.map((attempt) => attempt.id)).not.toContain(oldOfResent.id);
        // Nothing left to do: a second run deletes nothing.
        expect(await store().webhooks.prune(before)).toEqual({
          messages: 0,
          attempts: 0,
          events: 0,
        });
      });

      it("forgets idempotency keys older than the cutoff, and keeps newer ones", async () => {
        const stale = { ...event("org_acme", "key-stale"), createdAt: old };
        const fresh = { ...event("org_acme", "key-fresh"), createdAt: T0 };
        await store().webhooks.publish(stale, () => []);
        await store().webhooks.publish(fresh, () => []);

        expect(await store().webhooks.prune(before)).toEqual({
          messages: 0,
          attempts: 0,
          events: 1,
        });

        const reused = await store().webhooks.publish(event("org_acme", "key-stale"), () => []);
        expect(reused.duplicate).toBe(false);
        const repeated = await store().webhooks.publish(event("org_acme", "key-fresh"), () => []);
        expect(repeated).toEqual({ event: fresh, duplicate: true, messages: 0 });
      });
    });

    it("deletes an endpoint with its messages and attempts", async () => {
      const endpoint = webhookEndpointRecord();
      await store().webhooks.createEndpoint(endpoint);
      const message = webhookMessageRecord(endpoint);
      await store().webhooks.publish(event("org_acme"), () => [message]);
      await store().webhooks.recordAttempt(
        attemptFor(message),
        { status: "failed", nextAttemptAt: null },
        null,
      );

      expect(await store().webhooks.deleteEndpoint("org_other", endpoint.id)).toBe(false);
      expect(await store().webhooks.deleteEndpoint("org_acme", endpoint.id)).toBe(true);
      expect(await store().webhooks.getMessage("org_acme", message.id)).toBeNull();
      expect(await store().webhooks.listAttempts("org_acme", endpoint.id, { limit: 10 })).toEqual(
        [],
      );
      expect(await store().webhooks.deleteEndpoint("org_acme", endpoint.id)).toBe(false);
    });
  });
}
