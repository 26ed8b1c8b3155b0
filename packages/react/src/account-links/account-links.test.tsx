import { createMockPlugboard, fixtureIdentities, mockPlugboardHandlers } from "@plugboard/mocks";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderWithPlugboard } from "../test/render";
import { server } from "../test/server";
import { AccountLinks } from "./account-links";

function mockKit(options: Parameters<typeof createMockPlugboard>[0] = {}) {
  const mock = createMockPlugboard(options);
  server.use(...mockPlugboardHandlers(mock));
  return mock;
}

describe("AccountLinks", () => {
  it("lists the signed-in user's linked accounts with provider, account and date", async () => {
    mockKit({ accountLinks: true });
    renderWithPlugboard(<AccountLinks />);
    const list = await screen.findByRole("list", { name: "Linked accounts" });
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent("Slack");
    expect(items[0]).toHaveTextContent("ada (U0ADA)");
    expect(items[0]).toHaveTextContent("Workspace T0PLUGBRD");
    expect(items[0]).toHaveTextContent(
      `Linked ${new Date("2026-10-05T14:20:00Z").toLocaleDateString()}`,
    );
    expect(items[1]).toHaveTextContent("ada@acme.example");
    // Grace's link is hers: Ada does not see it in her own list.
    expect(within(list).queryByText(/grace/)).not.toBeInTheDocument();
  });

  it("unlinks after confirmation, and focus comes back to the list's heading", async () => {
    const mock = mockKit({ accountLinks: true });
    renderWithPlugboard(<AccountLinks />);
    const list = await screen.findByRole("list", { name: "Linked accounts" });
    const unlink = within(list).getByRole("button", { name: "Unlink Slack account ada" });

    // Cancel changes nothing and gives focus back to the button.
    await userEvent.click(unlink);
    let dialog = await screen.findByRole("alertdialog", { name: "Unlink Slack account ada?" });
    await userEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(unlink).toHaveFocus());

    await userEvent.click(unlink);
    dialog = await screen.findByRole("alertdialog", { name: "Unlink Slack account ada?" });
    await userEvent.click(within(dialog).getByRole("button", { name: "Unlink account" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    await waitFor(() => expect(within(list).getAllByRole("listitem")).toHaveLength(1));
    expect(screen.getByRole("heading", { name: "Linked accounts" })).toHaveFocus();
    expect(await mock.store.accountLinks.get("org_acme", "acl_ada_slack")).toBeNull();
  });

  it("shows an empty state when nothing is linked", async () => {
    mockKit();
    renderWithPlugboard(<AccountLinks />);
    expect(await screen.findByRole("status")).toHaveTextContent("No linked accounts yet.");
    expect(screen.getByRole("region", { name: "Linked accounts" })).toHaveAttribute(
      "data-state",
      "empty",
    );
  });

  it("shows admins every link of the organization and whom it runs as", async () => {
    mockKit({ accountLinks: true });
    renderWithPlugboard(<AccountLinks scope="organization" />);
    const list = await screen.findByRole("list", { name: "Linked accounts in this organization" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(3);
    expect(within(list).getByText(/Runs as user_grace/)).toBeInTheDocument();
    expect(
      within(list).getByRole("button", { name: "Unlink Slack account grace.h" }),
    ).toBeInTheDocument();
  });

  it("tells a member the organization's list is for admins", async () => {
    mockKit({ accountLinks: true, identity: fixtureIdentities.member });
    renderWithPlugboard(<AccountLinks scope="organization" />);
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Only admins can list everyone's account links",
    );
  });

  it("shows a failed unlink inside the dialog so the user can try again", async () => {
    const mock = mockKit({ accountLinks: true });
    renderWithPlugboard(<AccountLinks />);
    const list = await screen.findByRole("list", { name: "Linked accounts" });
    // Someone else removed it meanwhile: the server answers 404.
    await mock.store.accountLinks.delete("org_acme", "acl_ada_slack");
    await userEvent.click(within(list).getByRole("button", { name: "Unlink Slack account ada" }));
    const dialog = await screen.findByRole("alertdialog");
    await userEvent.click(within(dialog).getByRole("button", { name: "Unlink account" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("No such account link");
  });
});
