import { webhookMessageListSchema } from "@plugboard/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { memoryStore } from "../stores/memory/memory-store";
import type { WebhooksOptions } from "./options";
import { setupWebhooks, startReceiver } from "./webhooks.test-harness";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function setup(webhooks: WebhooksOptions = {}) {
  const target = await startReceiver();
  cleanups.push(target.close);
  const store = memoryStore();
  const kit = setupWebhooks({
    store,
    webhooks: { dispatcher: { pollIntervalMs: 5 }, ...webhooks },
  });
  cleanups.push(() => kit.plugboard.dispatcher.stop());
  const { endpoint } = await kit.createEndpoint({ url: target.url });
  const messages = async () =>
    webhookMessageListSchema.parse(
      await (await kit.call("GET", `/webhooks/endpoints/${endpoint.id}/messages`, "grace")).json(),
    ).data;
  const publish = (id: string) =>
    kit.plugboard.events.publish({
      organizationId: "org_acme",
      type: "issue.created",
      data: { id },
    });
  return { kit, store, target, endpoint, messages, publish };
}

describe("outgoing webhooks: retention", () => {
  it("prunes the delivery log after retentionDays, on demand, but keeps what is still pending", async () => {
    const { kit, messages, publish } = await setup({ retentionDays: 7, retrySchedule: [0, DAY] });
    await publish("delivered");
    expect(await kit.plugboard.dispatcher.runDue()).toMatchObject({ delivered: 1 });
    kit.advance(8 * DAY);
    // Published now but due far away: pending, however long it waits.
    await publish("waiting");
    const [waiting] = await messages();
    expect(waiting?.status).toBe("pending");

    kit.advance(8 * DAY);
    // Both events are past retention (only their idempotency keys go); the pending message stays.
    expect(await kit.plugboard.dispatcher.prune()).toEqual({
      messages: 1,
      attempts: 1,
      events: 2,
    });
    expect((await messages()).map((message) => message.id)).toEqual([waiting?.id]);
  });

  it("keeps everything with retentionDays false, and refuses a retention that would empty the log", async () => {
    const { kit, messages, publish } = await setup({ retentionDays: false });
    await publish("kept");
    await kit.plugboard.dispatcher.runDue();
    kit.advance(400 * DAY);
    expect(await kit.plugboard.dispatcher.prune()).toBeNull();
    expect(await messages()).toHaveLength(1);
    expect(() => setupWebhooks({ webhooks: { retentionDays: 0 } })).toThrow(/retentionDays/);
    expect(() => setupWebhooks({ webhooks: { retentionDays: Number.NaN } })).toThrow(
      /retentionDays/,
    );
  });

  it("prunes from the worker's hourly schedule (30 days by default)", async () => {
    const { kit, store, messages, publish } = await setup();
    const prune = vi.spyOn(store.webhooks, "prune");
    await publish("old");
    await kit.plugboard.dispatcher.runDue();
    kit.advance(31 * DAY);

    await kit.plugboard.worker.runDue();
    expect(await messages()).toEqual([]);
    expect(prune).toHaveBeenCalledTimes(1);
    expect(prune).toHaveBeenLastCalledWith(kit.now() - 30 * DAY);

    kit.advance(HOUR - 1);
    await kit.plugboard.worker.runDue();
    expect(prune).toHaveBeenCalledTimes(1);
    kit.advance(1);
    await kit.plugboard.worker.runDue();
    expect(prune).toHaveBeenCalledTimes(2);
  });
});
