import { webhookEndpointListSchema, webhookMessageListSchema } from "@plugboard/core";
import { describe, expect, it } from "vitest";
import { createMockPlugboard } from "./mock-plugboard";

describe("webhook fixtures", () => {
  it("serve a healthy, a failing and a disabled endpoint with their delivery logs", async () => {
    const mock = createMockPlugboard();
    const get = (path: string) =>
      mock.handler(new Request(`http://mock.test/api/plugboard${path}`));
    const list = webhookEndpointListSchema.parse(await (await get("/webhooks/endpoints")).json());
    expect(list.data.map((e) => [e.id, e.enabled, e.health.lastDeliveryStatus])).toEqual([
      ["whe_healthy", true, "succeeded"],
      ["whe_failing", true, "failed"],
      ["whe_disabled", false, "failed"],
    ]);
    expect(list.data[1]?.health.failureRate).toBe(1);
    expect(list.data[2]?.disabledReason).toBe("failing");
    const messages = webhookMessageListSchema.parse(
      await (await get("/webhooks/endpoints/whe_failing/messages")).json(),
    );
    expect(messages.data.map((m) => m.status)).toEqual(["pending", "failed"]);
  });
});
