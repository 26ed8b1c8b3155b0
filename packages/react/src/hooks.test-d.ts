import type { ApiKeyList, Integration, WebhookAttempt, WebhookEndpointList } from "@plugboard/core";
import { describe, expectTypeOf, it } from "vitest";
import { useApiKeys, useIntegrations, useSendWebhookTest, useWebhookEndpoints } from "./index";

describe("the hooks' data comes from the contracts' response schemas", () => {
  it("types queries", () => {
    expectTypeOf(useIntegrations().data).toEqualTypeOf<Integration[] | undefined>();
    expectTypeOf(useWebhookEndpoints().data).toEqualTypeOf<WebhookEndpointList | undefined>();
    expectTypeOf(useApiKeys().data).toEqualTypeOf<ApiKeyList | undefined>();
  });

  it("types mutations", () => {
    const sendTest = useSendWebhookTest();
    expectTypeOf(sendTest.mutateAsync).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(sendTest.mutateAsync).returns.resolves.toEqualTypeOf<WebhookAttempt>();
  });
});
