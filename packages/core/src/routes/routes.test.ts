import { describe, expect, expectTypeOf, it } from "vitest";
import * as contracts from "../contracts";
import type { Contract, ContractInput, ContractResponse } from "../contracts/contract";
import type { WebhookEndpoint } from "../schemas/webhooks";
import * as routes from "./index";
import { type Route, routesOf } from "./route";

const groups: Record<string, [Record<string, Contract>, Record<string, Route>]> = {
  accountLinks: [contracts.accountLinkContracts, routes.accountLinkRoutes],
  apiKeys: [contracts.apiKeyContracts, routes.apiKeyRoutes],
  github: [contracts.githubContracts, routes.githubRoutes],
  googleCalendar: [contracts.googleCalendarContracts, routes.googleCalendarRoutes],
  integrations: [contracts.integrationContracts, routes.integrationRoutes],
  jiraImport: [contracts.jiraImportContracts, routes.jiraImportRoutes],
  slack: [contracts.slackContracts, routes.slackRoutes],
  sso: [contracts.ssoContracts, routes.ssoRoutes],
  webhooks: [contracts.webhookContracts, routes.webhookRoutes],
};

describe("routes", () => {
  it("has every contract group", () => {
    const groupCount = Object.keys(contracts).filter((name) => name.endsWith("Contracts")).length;
    expect(Object.keys(groups)).toHaveLength(groupCount);
  });

  it.each(Object.entries(groups))(
    "%s: one route per contract, same method and path",
    (_name, [contractGroup, routeGroup]) => {
      expect(Object.keys(routeGroup).sort()).toEqual(Object.keys(contractGroup).sort());
      for (const [name, contract] of Object.entries(contractGroup)) {
        expect(routeGroup[name]).toEqual({ method: contract.method, path: contract.path });
      }
    },
  );

  it("carries its contract's types, and a path must match its contract's", () => {
    type Get = NonNullable<(typeof routes.webhookRoutes.get)["~contract"]>;
    expectTypeOf<Get>().toEqualTypeOf<typeof contracts.webhookContracts.get>();
    expectTypeOf<ContractResponse<Get>>().toEqualTypeOf<WebhookEndpoint>();
    expectTypeOf<ContractInput<Get>>().toEqualTypeOf<{ params: { endpointId: string } }>();
    const get = { method: "GET", path: "/webhooks/endpoints/:id" } as const;
    // @ts-expect-error `get` lives at `/webhooks/endpoints/:endpointId`
    routesOf<Pick<typeof contracts.webhookContracts, "get">>({ get });
  });
});
