import {
  apiKeyContracts,
  type Identity,
  type WebhookEndpoint,
  type WebhookMessageQuery,
  webhookContracts,
} from "@plugboard/core";
import { describe, expectTypeOf, it } from "vitest";
import { type ContractRoute, definePublicRoute, implement, type PublicRoute } from "./route";

declare const endpoint: WebhookEndpoint;

describe("a route implemented from its contract", () => {
  it("types params from the path, and query and body from the contract's schemas", () => {
    const route = implement(webhookContracts.listMessages, {
      async handle({ params, query, body, identity }) {
        expectTypeOf(params).toEqualTypeOf<{ endpointId: string }>();
        // Parsed: the default limit applied, so never undefined here.
        expectTypeOf(query.limit).toEqualTypeOf<number>();
        expectTypeOf(query).not.toEqualTypeOf<WebhookMessageQuery>();
        expectTypeOf(body).toEqualTypeOf<undefined>();
        expectTypeOf(identity).toEqualTypeOf<Identity>();
        return { data: [], nextCursor: null };
      },
    });
    expectTypeOf(route).toEqualTypeOf<ContractRoute>();

    implement(webhookContracts.update, {
      async handle({ body }) {
        expectTypeOf(body.enabled).toEqualTypeOf<boolean | undefined>();
        return endpoint;
      },
    });
  });

  it("has no parameter its path does not name", () => {
    implement(apiKeyContracts.list, {
      async handle({ params }) {
        expectTypeOf<keyof typeof params>().toBeNever();
        // @ts-expect-error `/api-keys` has no `:keyId`
        void params.keyId;
        return { data: [], grantableScopes: [] };
      },
    });
  });

  it("checks the answer against the contract's response schema", () => {
    implement(webhookContracts.get, {
      // @ts-expect-error an endpoint needs more than an id
      async handle() {
        return { id: "whe_1" };
      },
    });
    // No response schema: a 204, and the handler returns nothing.
    implement(webhookContracts.remove, { async handle() {} });
  });
});

describe("a server-only route", () => {
  it("types params from its path and may run without an identity", () => {
    const route = definePublicRoute({
      method: "GET",
      path: "/things/:thingId/page",
      auth: "optional",
      async handle({ params, identity }) {
        expectTypeOf(params).toEqualTypeOf<{ thingId: string }>();
        expectTypeOf(identity).toEqualTypeOf<Identity | null>();
        return new Response("ok");
      },
    });
    expectTypeOf(route).toEqualTypeOf<PublicRoute>();
  });
});
