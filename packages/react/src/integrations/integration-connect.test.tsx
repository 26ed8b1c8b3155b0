import { createMockPlugboard, fixtureIdentities, mockPlugboardHandlers } from "@plugboard/mocks";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { expectDeniedButton } from "../test/denied-button";
import { renderWithPlugboard } from "../test/render";
import { server } from "../test/server";
import { webhookKeys } from "../webhooks/query-keys";
import { IntegrationCard } from "./integration-card";
import { integrationKeys } from "./query-keys";

const pumbleWebhookUrl = "https://api.pumble.com/workspaces/w1/incomingWebhooks/abc";

function mockKit(options: Parameters<typeof createMockPlugboard>[0] = {}) {
  // Offline: Pumble's host answers the SSRF guard with the public address it has on the internet.
  const mock = createMockPlugboard({
    webhooks: { resolveHost: async () => ["93.184.216.34"] },
    ...options,
  });
  server.use(...mockPlugboardHandlers(mock));
  return mock;
}

describe("IntegrationCard: connecting a webhook-based integration", () => {
  it("asks for the incoming-webhook URL, shows the server's refusal under the field, then connects", async () => {
    const mock = mockKit({ fixtures: "empty" });
    const user = userEvent.setup();
    const { queryClient } = renderWithPlugboard(<IntegrationCard provider="pumble" />, {
      theme: "dark",
    });
    const invalidate = vi.spyOn(queryClient, "invalidateQueries");

    const card = await screen.findByRole("article", { name: "Pumble" });
    expect(card).toHaveAttribute("data-state", "available");
    const connect = within(card).getByRole("button", { name: "Connect" });
    await user.click(connect);

    const dialog = await screen.findByRole("dialog", { name: "Connect Pumble" });
    // The dialog renders in a portal, outside the card: it carries the theme itself.
    expect(dialog).toHaveAttribute("data-pb-theme", "dark");
    const field = within(dialog).getByRole("textbox", { name: "Incoming webhook URL" });
    expect(field).toHaveFocus();
    expect(field).toHaveAttribute("type", "url");
    expect(field).toBeRequired();
    expect(field).toHaveAccessibleDescription(
      "In Pumble, add an Incoming Webhook to a channel and copy its URL.",
    );

    // An https URL, but not Pumble's: the server refuses it, and says why under the field.
    await user.type(field, "https://hooks.example.com/incoming/abc");
    await user.click(within(dialog).getByRole("button", { name: "Connect" }));
    await waitFor(() => expect(field).toHaveAttribute("aria-invalid", "true"));
    expect(field).toHaveAccessibleDescription(/Must be a Pumble webhook URL/);
    expect(within(dialog).queryByRole("alert")).not.toBeInTheDocument();
    expect(field).toHaveFocus();
    expect(await mock.store.installations.list("org_acme")).toEqual([]);
    expect(card).toHaveAttribute("data-state", "available");

    // Correcting the URL clears the refusal; Pumble's own URL connects.
    await user.clear(field);
    expect(field).not.toHaveAttribute("aria-invalid");
    await user.type(field, pumbleWebhookUrl);
    await user.click(within(dialog).getByRole("button", { name: "Connect" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(card).toHaveAttribute("data-state", "installed");
    expect(within(card).getByText("Installed")).toBeInTheDocument();
    const uninstall = within(card).getByRole("button", { name: "Uninstall" });
    expect(uninstall).toHaveFocus();
    expect(within(card).queryByRole("button", { name: "Connect" })).not.toBeInTheDocument();
    expect(invalidate).toHaveBeenCalledWith({ queryKey: integrationKeys.all });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: webhookKeys.all });
    const installations = await mock.store.installations.list("org_acme");
    expect(installations.map(({ provider, level }) => ({ provider, level }))).toEqual([
      { provider: "pumble", level: "organization" },
    ]);
  });

  it("checks the URL before sending it, and shows a failure that is not about the URL as an alert", async () => {
    const mock = mockKit({ fixtures: "empty" });
    const user = userEvent.setup();
    renderWithPlugboard(<IntegrationCard provider="pumble" />);
    const card = await screen.findByRole("article", { name: "Pumble" });
    await user.click(within(card).getByRole("button", { name: "Connect" }));
    const dialog = await screen.findByRole("dialog", { name: "Connect Pumble" });
    const field = within(dialog).getByRole("textbox", { name: "Incoming webhook URL" });

    // Not https: refused in the form, without a request.
    const requests: string[] = [];
    server.events.on("request:start", ({ request }) => {
      if (request.method === "POST") requests.push(request.url);
    });
    await user.type(field, "http://api.pumble.com/workspaces/w1/incomingWebhooks/abc");
    await user.click(within(dialog).getByRole("button", { name: "Connect" }));
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(field).toHaveAccessibleDescription(/Must be an https:\/\/ URL/);
    expect(requests).toEqual([]);
    server.events.removeAllListeners();

    // Already connected at that place (someone else was quicker): the server's 409, as an alert.
    const elsewhere = await mock.handler(
      new Request("http://app.test/api/plugboard/integrations/pumble/installations", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ webhookUrl: pumbleWebhookUrl }),
      }),
    );
    expect(elsewhere.status).toBe(201);
    await user.clear(field);
    await user.type(field, pumbleWebhookUrl);
    await user.click(within(dialog).getByRole("button", { name: "Connect" }));
    const alert = await within(dialog).findByRole("alert");
    expect(alert).toHaveTextContent(/already installed/i);
    expect(field).not.toHaveAttribute("aria-invalid");
    expect(screen.getByRole("dialog", { name: "Connect Pumble" })).toBeInTheDocument();

    // Cancel closes it, and focus goes back to Connect.
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(within(card).getByRole("button", { name: "Connect" })).toHaveFocus();
  });

  it("explains in a tooltip why a member cannot connect, and does not open the dialog", async () => {
    mockKit({ identity: fixtureIdentities.member, fixtures: "empty" });
    const user = userEvent.setup();
    renderWithPlugboard(<IntegrationCard provider="pumble" />);
    const card = await screen.findByRole("article", { name: "Pumble" });
    await expectDeniedButton(
      user,
      within(card).getByRole("button", { name: "Connect" }),
      "Only admins can install Pumble. Ask an admin to connect it.",
    );
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("offers nothing where nothing can work: Jira import shows Not available, the hint goes to the console", async () => {
    mockKit({ fixtures: "empty" });
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    renderWithPlugboard(<IntegrationCard provider="jira" />);
    const card = await screen.findByRole("article", { name: "Jira import" });
    expect(within(card).getByText("Not available")).toBeInTheDocument();
    expect(within(card).queryByRole("button")).not.toBeInTheDocument();
    expect(card).not.toHaveTextContent("providers");
    expect(info).toHaveBeenCalledWith(expect.stringContaining("Configure jiraImport"));
    info.mockRestore();
  });

  it("opens the Jira import wizard from the card once the importer is configured, and gives focus back on close", async () => {
    const mock = createMockPlugboard({ jira: true });
    server.use(...mockPlugboardHandlers(mock));
    const user = userEvent.setup();
    renderWithPlugboard(<IntegrationCard provider="jira" />);
    const card = await screen.findByRole("article", { name: "Jira import" });
    expect(within(card).getByText("Ready to import")).toBeInTheDocument();
    const open = within(card).getByRole("button", { name: "Import" });
    await user.click(open);
    const dialog = await screen.findByRole("dialog", { name: "Import from Jira" });
    expect(within(dialog).getByRole("region", { name: "Import from Jira" })).toBeInTheDocument();
    expect(await within(dialog).findByRole("tab", { name: "Jira Cloud" })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    await user.click(within(dialog).getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(open).toHaveFocus();
    await mock.plugboard.worker.stop();
  });
});
