import type {
  ApiKey,
  ErrorCode,
  GitHubReference,
  Installation,
  Integration,
  IntegrationList,
  WebhookAttempt,
  WebhookAttemptList,
  WebhookEndpoint,
  WebhookMessageList,
} from "@plugboard/core";
import { webhookRoutes } from "@plugboard/core/routes";
import { describe, expectTypeOf, it } from "vitest";
import { createCall } from "./call";
import { createPlugboardClient, type PlugboardClient, type PlugboardError } from "./index";
import type { Transport } from "./transport";

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

  it("derives each method from its contract", () => {
    expectTypeOf(client.webhooks.sendTest).returns.resolves.toEqualTypeOf<WebhookAttempt>();
    expectTypeOf(client.webhooks.remove).returns.resolves.toBeVoid();
    expectTypeOf(client.github.references).returns.resolves.toEqualTypeOf<{
      data: GitHubReference[];
    }>();
  });

  it("calls a route with its path parameters, query and body, typed", () => {
    const transport: Transport = () => Promise.reject(new Error("not sent"));
    const call = createCall(transport);
    expectTypeOf(
      call(webhookRoutes.get, { params: { endpointId: "whe_1" } }),
    ).resolves.toEqualTypeOf<WebhookEndpoint>();
    expectTypeOf(
      call(webhookRoutes.listMessages, { params: { endpointId: "whe_1" }, query: { limit: 5 } }),
    ).resolves.toEqualTypeOf<WebhookMessageList>();
    // @ts-expect-error the path names `:endpointId`
    void call(webhookRoutes.get, { params: { id: "whe_1" } });
    // @ts-expect-error the path has a parameter to fill
    void call(webhookRoutes.get, {});
    // @ts-expect-error `resend` takes a body
    void call(webhookRoutes.resend, { params: { endpointId: "whe_1" } });
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
