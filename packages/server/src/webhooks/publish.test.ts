import { describe, expect, it } from "vitest";
import { memoryStore } from "../stores/memory/memory-store";
import { setupWebhooks } from "./webhooks.test-harness";

describe("outgoing webhooks: publish reads endpoints in its own write", () => {
  const event = {
    organizationId: "org_acme",
    type: "issue.created",
    data: { id: "iss_1" },
  } as const;

  it("never leaves a message behind for an endpoint deleted while the event is published", async () => {
    const store = memoryStore();
    const kit = setupWebhooks({ store });
    const { endpoint } = await kit.createEndpoint({ url: "http://127.0.0.1:9/hooks" });

    const [published, deleted] = await Promise.all([
      kit.plugboard.events.publish(event),
      store.webhooks.deleteEndpoint("org_acme", endpoint.id),
    ]);

    expect(deleted).toBe(true);
    // Ordered before the delete: the message was written, then deleted with its endpoint.
    expect(published.messages).toBe(1);
    expect(await store.webhooks.listMessages("org_acme", endpoint.id, { limit: 10 })).toEqual([]);
    expect(await kit.plugboard.dispatcher.runDue()).toEqual({
      claimed: 0,
      delivered: 0,
      failed: 0,
    });
  });
});
