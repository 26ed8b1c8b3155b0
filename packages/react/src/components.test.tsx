import { createMockPlugboard, mockPlugboardHandlers } from "@plugboard/mocks";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ApiKeysManager, IntegrationGallery, SsoSettings, WebhookManager } from "./index";
import { renderWithPlugboard } from "./test/render";
import { server } from "./test/server";

// The package's exports load their code on first render: the page sees a labelled placeholder in
// the component's box, then the component, as a host importing from "@plugboard/react" would.
describe("exported components", () => {
  it.each([
    ["WebhookManager", <WebhookManager key="w" />, "Loading webhooks", "Webhooks"],
    ["ApiKeysManager", <ApiKeysManager key="a" />, "Loading API keys", "API keys"],
    ["SsoSettings", <SsoSettings key="s" />, "Loading single sign-on settings", "Single sign-on"],
    ["IntegrationGallery", <IntegrationGallery key="g" />, "Loading integrations", "Integrations"],
  ])("%s loads its code, then renders itself", async (_name, element, loading, loaded) => {
    server.use(...mockPlugboardHandlers(createMockPlugboard()));
    renderWithPlugboard(element);
    expect(screen.getByRole("region", { name: loading })).toHaveAttribute("aria-busy", "true");
    // The component's own region (its data may still be on the way), not the placeholder.
    expect(await screen.findByRole("region", { name: loaded })).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: loading })).not.toBeInTheDocument();
  });
});
