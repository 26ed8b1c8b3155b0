import { createMockPlugboard, fixtureIdentities, mockPlugboardHandlers } from "@plugboard/mocks";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { expectDeniedButton } from "../test/denied-button";
import { callbackMessage, postFromPopup, stubPopup } from "../test/fake-popup";
import { renderWithPlugboard } from "../test/render";
import { server } from "../test/server";
import { findToast } from "../test/toasts";
import { IntegrationCard } from "./integration-card";

afterEach(() => {
  vi.unstubAllGlobals();
});

function mockKit(options: Parameters<typeof createMockPlugboard>[0] = {}) {
  const mock = createMockPlugboard(options);
  server.use(...mockPlugboardHandlers(mock));
  return mock;
}

async function startInstall(name: string) {
  const card = await screen.findByRole("article", { name });
  await userEvent.click(within(card).getByRole("button", { name: "Install" }));
  return card;
}

describe("IntegrationCard: installing through the OAuth popup", () => {
  it("opens the popup in the click, completes the install and turns installed without a reload", async () => {
    const mock = mockKit({ fixtures: "empty" });
    const { popup, open } = stubPopup();
    renderWithPlugboard(<IntegrationCard provider="github" />);

    const card = await startInstall("GitHub");
    expect(open).toHaveBeenCalledTimes(1);
    expect(open.mock.calls[0]?.[0]).toBe(""); // about:blank first, synchronously
    const busy = within(card).getByRole("button", { name: "Installing…" });
    expect(busy).toHaveAttribute("aria-busy", "true");

    await waitFor(() => expect(popup.location.href).toMatch(/^https:\/\/github\.com\/login/));
    const message = await callbackMessage(mock.github.approve(popup.location.href));
    act(() => postFromPopup(popup, message));

    await waitFor(() => expect(card).toHaveAttribute("data-state", "installed"));
    expect(within(card).getByText("Installed")).toBeInTheDocument();
    expect(within(card).getByText(/Connected as acme-inc/)).toBeInTheDocument();
    expect(within(card).getByRole("button", { name: "Uninstall" })).toBeInTheDocument();
  });

  it("ignores messages from another origin, another window or of another type", async () => {
    const mock = mockKit({ fixtures: "empty" });
    const { popup } = stubPopup();
    renderWithPlugboard(<IntegrationCard provider="github" />);
    const card = await startInstall("GitHub");
    await waitFor(() => expect(popup.location.href).toMatch(/^https:\/\/github\.com/));
    const message = await callbackMessage(mock.github.approve(popup.location.href));

    act(() => {
      postFromPopup(popup, message, "https://evil.example");
      window.dispatchEvent(
        new MessageEvent("message", { data: message, origin: "http://localhost" }),
      );
      postFromPopup(popup, { ...(message as object), type: "something-else" });
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(within(card).getByRole("button", { name: "Installing…" })).toBeInTheDocument();
  });

  it("explains a blocked popup", async () => {
    mockKit({ fixtures: "empty" });
    vi.stubGlobal(
      "open",
      vi.fn(() => null),
    );
    window.open = (() => null) as typeof window.open;
    renderWithPlugboard(<IntegrationCard provider="github" />);
    const card = await startInstall("GitHub");

    expect(await within(card).findByRole("alert")).toHaveTextContent(
      "Your browser blocked the sign-in window",
    );
    expect(within(card).getByRole("button", { name: "Install" })).not.toHaveAttribute(
      "aria-disabled",
    );
  });

  it("says so when the popup is closed before finishing, and lets the user try again", async () => {
    mockKit({ fixtures: "empty" });
    const { popup } = stubPopup();
    renderWithPlugboard(<IntegrationCard provider="github" />);
    const card = await startInstall("GitHub");
    await waitFor(() => expect(popup.location.href).toMatch(/^https:\/\/github\.com/));

    popup.closed = true;
    expect(await within(card).findByRole("alert")).toHaveTextContent(
      "The sign-in window was closed before GitHub was connected.",
    );
    expect(within(card).getByRole("button", { name: "Install" })).toBeInTheDocument();
  });

  it("shows the callback's error when the user cancels on GitHub", async () => {
    const mock = mockKit({ fixtures: "empty" });
    const { popup } = stubPopup();
    renderWithPlugboard(<IntegrationCard provider="github" />);
    const card = await startInstall("GitHub");
    await waitFor(() => expect(popup.location.href).toMatch(/^https:\/\/github\.com/));

    act(() => postFromPopup(popup, undefined));
    const message = await callbackMessage(mock.github.deny(popup.location.href));
    act(() => postFromPopup(popup, message));

    expect(await within(card).findByRole("alert")).toHaveTextContent(
      "You cancelled connecting GitHub. Nothing was installed.",
    );
    expect(card).toHaveAttribute("data-state", "available");
  });

  it("removes its listener and timer when unmounted mid-install", async () => {
    mockKit({ fixtures: "empty" });
    const { popup } = stubPopup();
    const removeListener = vi.spyOn(window, "removeEventListener");
    const clearTimer = vi.spyOn(globalThis, "clearInterval");
    const { unmount } = renderWithPlugboard(<IntegrationCard provider="github" />);
    await startInstall("GitHub");
    await waitFor(() => expect(popup.location.href).toMatch(/^https:\/\/github\.com/));

    unmount();
    expect(removeListener).toHaveBeenCalledWith("message", expect.any(Function));
    expect(clearTimer).toHaveBeenCalled();
  });
});

describe("IntegrationCard: uninstalling", () => {
  it("asks for confirmation, then uninstalls and revokes at GitHub", async () => {
    const mock = mockKit();
    renderWithPlugboard(<IntegrationCard provider="github" />, { theme: "dark" });
    const card = await screen.findByRole("article", { name: "GitHub" });

    await userEvent.click(within(card).getByRole("button", { name: "Uninstall" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Uninstall GitHub?" });
    // The dialog renders in a portal, outside the card: it carries the theme itself.
    expect(dialog).toHaveAttribute("data-pb-theme", "dark");
    // It says that the linked repositories go with it.
    expect(dialog).toHaveTextContent(/Every repository linked to a project is unlinked/);
    await userEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(card).toHaveAttribute("data-state", "installed");
    // Focus comes back to the button that opened the dialog, not <body>.
    const uninstall = within(card).getByRole("button", { name: "Uninstall" });
    await waitFor(() => expect(uninstall).toHaveFocus());

    await userEvent.click(uninstall);
    const again = await screen.findByRole("alertdialog", { name: "Uninstall GitHub?" });
    await userEvent.click(within(again).getByRole("button", { name: "Uninstall" }));

    await waitFor(() => expect(card).toHaveAttribute("data-state", "available"));
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    // Uninstall is gone: focus goes to what took its place.
    await waitFor(() =>
      expect(within(card).getByRole("button", { name: "Install" })).toHaveFocus(),
    );
    expect(mock.github.revoked).toEqual(["gho_fixtureAcmeToken"]);
    expect(await findToast("GitHub uninstalled.")).toBeVisible();
  });
});

describe("IntegrationCard: members", () => {
  it("explains in a tooltip why a member cannot uninstall, and does not open the dialog", async () => {
    mockKit({ identity: fixtureIdentities.member });
    renderWithPlugboard(<IntegrationCard provider="github" />);
    const github = await screen.findByRole("article", { name: "GitHub" });
    await expectDeniedButton(
      userEvent,
      within(github).getByRole("button", { name: "Uninstall" }),
      "Only admins can uninstall GitHub.",
    );
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
  });

  it("lets a member connect their own Google Calendar", async () => {
    mockKit({ identity: fixtureIdentities.member });
    const { open } = stubPopup();
    renderWithPlugboard(<IntegrationCard provider="google-calendar" />);
    await startInstall("Google Calendar");
    expect(open).toHaveBeenCalledTimes(1);
  });

  it("lets a member disconnect the Google Calendar they connected themselves", async () => {
    const mock = mockKit({ identity: fixtureIdentities.member, fixtures: "empty" });
    await mock.store.installations.create({
      id: "ins_calendar_grace",
      provider: "google-calendar",
      organizationId: "org_acme",
      projectId: null,
      level: "user",
      status: "active",
      externalAccountId: null,
      externalAccountName: "grace@acme.example",
      scopes: ["https://www.googleapis.com/auth/calendar.events"],
      installedBy: fixtureIdentities.member.userId,
      secret: null,
      createdAt: Date.now(),
      updatedAt: Date.now(),
    });
    renderWithPlugboard(<IntegrationCard provider="google-calendar" />);
    const card = await screen.findByRole("article", { name: "Google Calendar" });
    const uninstall = within(card).getByRole("button", { name: "Uninstall" });
    expect(uninstall).not.toHaveAttribute("aria-disabled");

    await userEvent.click(uninstall);
    const dialog = await screen.findByRole("alertdialog", { name: "Uninstall Google Calendar?" });
    await userEvent.click(within(dialog).getByRole("button", { name: "Uninstall" }));
    await waitFor(() => expect(card).toHaveAttribute("data-state", "available"));
    expect(await mock.store.installations.list("org_acme")).toEqual([]);
  });
});

/** The fixture GitHub installation, as the server leaves it once GitHub stops taking its token. */
async function breakGitHubInstallation(mock: ReturnType<typeof mockKit>) {
  await mock.ready;
  const installation = await mock.store.installations.get("org_acme", "ins_github_acme");
  await mock.store.installations.updateCredentials("org_acme", "ins_github_acme", {
    secret: installation?.secret ?? null,
    status: "error",
    updatedAt: Date.now(),
  });
}

describe("IntegrationCard: reconnecting", () => {
  it("shows an installation GitHub no longer accepts, and reconnects it through the popup", async () => {
    const mock = mockKit();
    await breakGitHubInstallation(mock);
    const { popup, open } = stubPopup();
    const authorizeBodies: unknown[] = [];
    server.events.on("request:start", async ({ request }) => {
      if (request.url.endsWith("/integrations/github/authorize")) {
        authorizeBodies.push(await request.clone().json());
      }
    });
    renderWithPlugboard(<IntegrationCard provider="github" />);

    const card = await screen.findByRole("article", { name: "GitHub" });
    expect(card).toHaveAttribute("data-state", "needs-reconnect");
    expect(within(card).getByText("Needs reconnect")).toHaveAttribute(
      "data-state",
      "needs-reconnect",
    );
    expect(within(card).queryByText("Installed")).not.toBeInTheDocument();
    expect(card.querySelector(".pb-integration-card__check")).toBeNull();
    expect(within(card).getByText(/GitHub no longer accepts this connection/)).toBeInTheDocument();
    expect(within(card).getByRole("button", { name: "Uninstall" })).toBeInTheDocument();

    await userEvent.click(within(card).getByRole("button", { name: "Reconnect" }));
    expect(open).toHaveBeenCalledTimes(1);
    expect(within(card).getByRole("button", { name: "Reconnecting…" })).toHaveAttribute(
      "aria-busy",
      "true",
    );
    await waitFor(() => expect(popup.location.href).toMatch(/^https:\/\/github\.com\/login/));
    server.events.removeAllListeners();
    // The popup asks for the broken installation's own place.
    expect(authorizeBodies).toEqual([{ level: "organization", projectId: null }]);
    const message = await callbackMessage(mock.github.approve(popup.location.href));
    act(() => postFromPopup(popup, message));

    await waitFor(() => expect(card).toHaveAttribute("data-state", "installed"));
    expect(within(card).getByText("Installed")).toBeInTheDocument();
    expect(within(card).queryByRole("button", { name: "Reconnect" })).not.toBeInTheDocument();
    // The same installation got new tokens; no second one was created.
    const installations = await mock.store.installations.list("org_acme");
    expect(installations.map(({ id, status }) => ({ id, status }))).toEqual([
      { id: "ins_github_acme", status: "active" },
    ]);
  });

  it("explains in a tooltip why a member cannot reconnect an organization-wide installation", async () => {
    const mock = mockKit({ identity: fixtureIdentities.member });
    await breakGitHubInstallation(mock);
    const { open } = stubPopup();
    renderWithPlugboard(<IntegrationCard provider="github" />);

    const card = await screen.findByRole("article", { name: "GitHub" });
    expect(card).toHaveAttribute("data-state", "needs-reconnect");
    const reconnect = within(card).getByRole("button", { name: "Reconnect" });
    expect(reconnect).toHaveAttribute("aria-disabled", "true");
    await userEvent.hover(reconnect);
    expect(await screen.findByRole("tooltip")).toHaveTextContent(
      "Only admins can reconnect GitHub.",
    );
    await userEvent.click(reconnect);
    expect(open).not.toHaveBeenCalled();
  });
});
