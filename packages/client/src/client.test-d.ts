import type {
  ApiKey,
  ErrorCode,
  Installation,
  Integration,
  IntegrationList,
  WebhookAttemptList,
  WebhookEndpoint,
  WebhookMessageList,
} from "@plugboard/core";
import { describe, expectTypeOf, it } from "vitest";
import { createPlugboardClient, type PlugboardClient, type PlugboardError } from "./index";

const client = createPlugboardClient({ baseUrl: "https://app.example.com/api/plugboard" });

describe("the client's types come from the core schemas", () => {
  it("types every answer as the contract's inferred type", () => {
    expectTypeOf(client).toEqualTypeOf<PlugboardClient>();
    expectTypeOf(client.integrations.list).returns.resolves.toEqualTypeOf<IntegrationList>();
    expectTypeOf(client.integrations.get).returns.resolves.toEqualTypeOf<Integration>();
    expectTypeOf(client.integrations.installWebhook).returns.resolves.toEqualTypeOf<Installation>();
    expectTypeOf(client.integrations.uninstall).returns.resolves.toBeVoid();
    expectTypeOf(client.webhooks.get).returns.resolves.toEqualTypeOf<WebhookEndpoint>();
    expectTypeOf(client.apiKeys.get).returns.resolves.toEqualTypeOf<ApiKey>();
    expectTypeOf(client.webhooks.listMessages).returns.resolves.toEqualTypeOf<WebhookMessageList>();
    expectTypeOf(client.webhooks.listAttempts).returns.resolves.toEqualTypeOf<WebhookAttemptList>();
    expectTypeOf<WebhookMessageList["nextCursor"]>().toEqualTypeOf<string | null>();
  });

  it("checks request bodies against the input schemas", () => {
    // @ts-expect-error webhookUrl is required
    void client.integrations.installWebhook("pumble", {});
    // @ts-expect-error an unknown event mode is refused at compile time too
    void client.webhooks.create({ url: "https://example.com", eventMode: "some" });
    // @ts-expect-error a cursor is the opaque string from `nextCursor`, never a position
    void client.webhooks.listMessages("whe_1", { before: { createdAt: 1, id: "msg_1" } });
  });

  it("accepts an AbortSignal on every call", () => {
    expectTypeOf(client.integrations.list)
      .parameter(0)
      .toEqualTypeOf<{ signal?: AbortSignal } | undefined>();
  });

  it("exposes a closed set of error codes", () => {
    expectTypeOf<PlugboardError["code"]>().toEqualTypeOf<ErrorCode>();
    expectTypeOf<"validation_failed">().toExtend<ErrorCode>();
    expectTypeOf<"teapot">().not.toExtend<ErrorCode>();
  });
});
