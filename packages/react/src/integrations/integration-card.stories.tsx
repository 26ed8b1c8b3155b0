/// <reference types="msw-storybook-addon/csf3" />
import {
  fixtureIdentities,
  plugboardErrorHandlers,
  plugboardLoadingHandlers,
} from "@plugboard/mocks";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, screen, userEvent, waitFor, within } from "storybook/test";
import { atWidth, expectFits, type LayoutWidth } from "../test/layout";
import {
  callbackMessage,
  resettableMock,
  stubBlockedPopup,
  stubStoryPopup,
} from "../test/story-popup";
import { mockApi } from "../test/story-states";
import { IntegrationCard } from "./integration-card";

const meta = {
  title: "Integrations/IntegrationCard",
  component: IntegrationCard,
  args: { provider: "github" },
  argTypes: {
    provider: {
      control: "select",
      options: ["github", "slack", "google-calendar", "pumble", "jira", "asana"],
    },
  },
} satisfies Meta<typeof IntegrationCard>;

export default meta;
type Story = StoryObj<typeof meta>;

/** GitHub is connected for the fixture organization. */
export const Installed: Story = {
  tags: ["screenshot"],
  args: { provider: "github" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const card = await canvas.findByRole("article", { name: "GitHub" });
    await expect(card).toHaveAttribute("data-state", "installed");

    const inCard = within(card);
    await expect(inCard.getByRole("heading", { name: "GitHub" })).toBeVisible();
    await expect(inCard.getByText("Installed")).toBeVisible();
    await expect(inCard.queryByText("Not installed")).not.toBeInTheDocument();
    await expect(inCard.getByText(/appear on the issue/)).toBeVisible();
    await expect(inCard.getByText("Source control")).toBeVisible();
  },
};

/** Slack is in the catalog but not connected. */
export const Available: Story = {
  tags: ["screenshot"],
  args: { provider: "slack" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const card = await canvas.findByRole("article", { name: "Slack" });
    await expect(card).toHaveAttribute("data-state", "available");

    const inCard = within(card);
    await expect(inCard.getByText("Not installed")).toBeVisible();
    await expect(inCard.queryByText("Installed")).not.toBeInTheDocument();
    await expect(inCard.getByText(/Create issues from messages/)).toBeVisible();
    await expect(inCard.getByText("Communication")).toBeVisible();
  },
};

/** Slack connected: the workspace's name, Reconnect is not offered, Uninstall is. */
export const SlackConnected: Story = {
  tags: ["screenshot"],
  args: { provider: "slack" },
  parameters: mockApi({ slack: "installed" }),
  play: async ({ canvasElement }) => {
    const card = await within(canvasElement).findByRole("article", { name: "Slack" });
    await waitFor(() => expect(card).toHaveAttribute("data-state", "installed"));
    await expect(within(card).getByText(/Acme Inc/)).toBeVisible();
    await expect(within(card).getByRole("button", { name: "Uninstall" })).toBeVisible();
  },
};

/**
 * The app was removed in Slack (app_uninstalled): the card says so, names the workspace it
 * was connected to (not "Connected as"), and offers Reconnect.
 */
export const SlackDisconnected: Story = {
  tags: ["screenshot"],
  args: { provider: "slack" },
  parameters: mockApi({ slack: "disconnected" }),
  play: async ({ canvasElement }) => {
    const card = await within(canvasElement).findByRole("article", { name: "Slack" });
    await waitFor(() => expect(card).toHaveAttribute("data-state", "needs-reconnect"));
    await expect(within(card).getByText(/was removed from your workspace/)).toBeVisible();
    await expect(within(card).getByText(/Was connected as Acme Inc/)).toBeVisible();
    await expect(within(card).queryByText(/Connected as/)).not.toBeInTheDocument();
    await expect(within(card).getByRole("button", { name: "Reconnect" })).toBeVisible();
  },
};

/** The host set up no importer for Jira: the card says so and offers nothing to click. */
export const NotAvailable: Story = {
  args: { provider: "jira" },
  play: async ({ canvasElement }) => {
    const card = await within(canvasElement).findByRole("article", { name: "Jira import" });
    await expect(card).toHaveAttribute("data-state", "unavailable");
    await expect(within(card).getByText("Not available")).toBeVisible();
    await expect(within(card).queryByRole("button")).not.toBeInTheDocument();
  },
};

/** With `jiraImport` configured: Import opens the wizard in a dialog; Close gives focus back. */
export const JiraImportWizard: Story = {
  tags: ["screenshot"],
  args: { provider: "jira" },
  parameters: mockApi({ jira: true }),
  play: async ({ canvasElement }) => {
    const card = await within(canvasElement).findByRole("article", { name: "Jira import" });
    await expect(card).toHaveAttribute("data-state", "available");
    const open = within(card).getByRole("button", { name: "Import" });
    await userEvent.click(open);
    const dialog = await screen.findByRole("dialog", { name: "Import from Jira" });
    await expect(await within(dialog).findByRole("tab", { name: "Jira Cloud" })).toBeVisible();
  },
};

/** The request never answers: the card stays a busy skeleton. */
export const Loading: Story = {
  parameters: { msw: { handlers: plugboardLoadingHandlers() } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const card = await canvas.findByRole("article", { name: "Loading integration" });
    await expect(card).toHaveAttribute("aria-busy", "true");
    await expect(card).toHaveAttribute("data-state", "loading");

    // Still loading a moment later: nothing resolved the hanging request.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(canvas.queryByRole("article", { name: "GitHub" })).not.toBeInTheDocument();
    await expect(card).toHaveAttribute("aria-busy", "true");
  },
};

/**
 * The server answers 500 for everything: the card explains and offers a retry. Exported as
 * `Error` below (a `const Error` would shadow the global).
 */
const ErrorState: Story = {
  parameters: { msw: { handlers: plugboardErrorHandlers("internal_error") } },
  play: async ({ canvasElement, msw }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole("alert");
    await expect(alert).toHaveTextContent("Could not load integrations");
    await expect(alert).toHaveTextContent("Internal error");

    const retry = canvas.getByRole("button", { name: "Try again" });
    await expect(retry).toBeEnabled();

    // Clicking it asks the server again (which still fails, so the alert stays).
    let requests = 0;
    const countRequest = ({ request }: { request: Request }) => {
      if (new URL(request.url).pathname.startsWith("/api/plugboard/")) requests += 1;
    };
    msw.events.on("request:start", countRequest);
    try {
      await userEvent.click(retry);
      await waitFor(() => expect(requests).toBe(1));
    } finally {
      msw.events.removeListener("request:start", countRequest);
    }
    await expect(await canvas.findByRole("alert")).toHaveTextContent("Could not load integrations");
  },
};

export { ErrorState as Error };

/** A provider id the catalog does not have. */
export const UnknownProvider: Story = {
  args: { provider: "asana" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole("alert");
    await expect(alert).toHaveTextContent('There is no integration named "asana".');
    await expect(canvas.queryByRole("heading")).not.toBeInTheDocument();
  },
};

/** No signed-in user: the server answers 401 and the card says why. */
export const Unauthenticated: Story = {
  parameters: mockApi({ identity: null }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole("alert");
    await expect(alert).toHaveTextContent("Could not load integrations");
    await expect(alert).toHaveTextContent("Sign in to continue");
    await expect(canvas.queryByRole("heading", { name: "GitHub" })).not.toBeInTheDocument();
  },
};

/** The dark theme, pinned through the toolbar's `theme` global. */
export const DarkTheme: Story = {
  globals: { theme: "dark" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const card = await canvas.findByRole("article", { name: "GitHub" });
    await expect(card).toHaveAttribute("data-pb-theme", "dark");
    await expect(within(card).getByText("Installed")).toBeVisible();

    // styles.css is loaded and the dark palette is in effect (--pb-color-text is #ececf1).
    const style = getComputedStyle(card);
    await expect(style.colorScheme).toBe("dark");
    await expect(style.color).toBe("rgb(236, 236, 241)");
  },
};

const installFlow = resettableMock({ fixtures: "empty" });
let popupStub: ReturnType<typeof stubStoryPopup>["state"];

/** A story's `beforeEach`: `window.open` returns a stand-in popup, kept in `popupStub`. */
function stubPopup() {
  const stub = stubStoryPopup();
  popupStub = stub.state;
  return stub.cleanup;
}

/** Clicks Install on the Slack card and waits until the card shows it is busy with the popup. */
async function startSlackInstall(canvasElement: HTMLElement) {
  const card = await within(canvasElement).findByRole("article", { name: "Slack" });
  await userEvent.click(within(card).getByRole("button", { name: "Install" }));
  await within(card).findByRole("button", { name: "Installing…" });
  return card;
}

/**
 * Clicks `button` on the GitHub card, checks the popup opened and the button is busy, then has
 * the simulated GitHub approve the consent the card asked for and posts the callback's message
 * back as the popup would.
 */
async function approveInPopup(
  card: HTMLElement,
  msw: Parameters<NonNullable<Story["play"]>>[0]["msw"],
  flow: typeof installFlow,
  button: string,
  busy: string,
) {
  let consentUrl = "";
  const captureUrl = async ({ request, response }: { request: Request; response: Response }) => {
    if (request.url.endsWith("/integrations/github/authorize")) {
      consentUrl = ((await response.clone().json()) as { url: string }).url;
    }
  };
  msw.events.on("response:mocked", captureUrl);
  try {
    await userEvent.click(within(card).getByRole("button", { name: button }));
    await expect(popupStub.opened).toBe(1);
    await expect(within(card).getByRole("button", { name: busy })).toHaveAttribute(
      "aria-busy",
      "true",
    );
    await waitFor(() => expect(consentUrl).toMatch(/^https:\/\/github\.com\/login\/oauth/));
    // The popup is sent to the consent page, which a story only records: it never loads.
    await waitFor(() => expect(popupStub.popup.location.href).toBe(consentUrl));
  } finally {
    msw.events.removeListener("response:mocked", captureUrl);
  }
  const message = await callbackMessage(flow.current().github.approve(consentUrl));
  window.dispatchEvent(
    new MessageEvent("message", {
      data: message,
      origin: location.origin,
      source: popupStub.popup,
    }),
  );
}

/** Install → the popup → GitHub approves → the card turns installed, without a reload. */
export const InstallSucceeds: Story = {
  args: { provider: "github" },
  loaders: [installFlow.reset],
  parameters: { msw: { handlers: installFlow.handlers } },
  beforeEach: stubPopup,
  play: async ({ canvasElement, msw }) => {
    const card = await within(canvasElement).findByRole("article", { name: "GitHub" });
    await approveInPopup(card, msw, installFlow, "Install", "Installing…");
    await waitFor(() => expect(card).toHaveAttribute("data-state", "installed"));
    await expect(within(card).getByText(/Connected as acme-inc/)).toBeVisible();
    await expect(within(card).getByRole("button", { name: "Uninstall" })).toBeVisible();
  },
};

/** The browser blocked the popup: the card says what to do. */
export const PopupBlocked: Story = {
  tags: ["screenshot"],
  args: { provider: "slack" },
  beforeEach: () => stubBlockedPopup(),
  play: async ({ canvasElement }) => {
    const card = await within(canvasElement).findByRole("article", { name: "Slack" });
    await userEvent.click(within(card).getByRole("button", { name: "Install" }));
    await expect(await within(card).findByRole("alert")).toHaveTextContent(
      "Your browser blocked the sign-in window. Allow pop-ups for this site, then try again.",
    );
  },
};

/** The user closed the popup before finishing. */
export const PopupClosed: Story = {
  tags: ["screenshot"],
  args: { provider: "slack" },
  beforeEach: stubPopup,
  play: async ({ canvasElement }) => {
    const card = await startSlackInstall(canvasElement);
    popupStub.close();
    await expect(await within(card).findByRole("alert")).toHaveTextContent(
      "The sign-in window was closed before Slack was connected.",
    );
    await expect(within(card).getByRole("button", { name: "Install" })).toBeEnabled();
  },
};

/** The user pressed Cancel on the provider's consent page. */
export const InstallCancelled: Story = {
  tags: ["screenshot"],
  args: { provider: "slack" },
  beforeEach: stubPopup,
  play: async ({ canvasElement }) => {
    const card = await startSlackInstall(canvasElement);
    window.dispatchEvent(
      new MessageEvent("message", {
        origin: location.origin,
        source: popupStub.popup,
        data: {
          type: "plugboard:oauth",
          status: "error",
          provider: "slack",
          error: "access_denied",
          message: "You cancelled connecting Slack. Nothing was installed.",
        },
      }),
    );
    await expect(await within(card).findByRole("alert")).toHaveTextContent(
      "You cancelled connecting Slack. Nothing was installed.",
    );
    await expect(card).toHaveAttribute("data-state", "available");
  },
};

const uninstallFlow = resettableMock({});

/** Uninstall asks first; confirming disconnects (and revokes at GitHub). */
export const UninstallWithConfirmation: Story = {
  args: { provider: "github" },
  loaders: [uninstallFlow.reset],
  parameters: { msw: { handlers: uninstallFlow.handlers } },
  play: async ({ canvasElement }) => {
    const card = await within(canvasElement).findByRole("article", { name: "GitHub" });
    await userEvent.click(within(card).getByRole("button", { name: "Uninstall" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Uninstall GitHub?" });
    await expect(dialog).toHaveTextContent(/access is revoked at GitHub/);
    await userEvent.click(within(dialog).getByRole("button", { name: "Uninstall" }));
    await waitFor(() => expect(card).toHaveAttribute("data-state", "available"));
    await expect(uninstallFlow.current().github.revoked).toEqual(["gho_fixtureAcmeToken"]);
  },
};

/** A member sees why they cannot uninstall, in a tooltip. */
export const MemberCannotUninstall: Story = {
  args: { provider: "github" },
  parameters: mockApi({ identity: fixtureIdentities.member }),
  play: async ({ canvasElement }) => {
    const card = await within(canvasElement).findByRole("article", { name: "GitHub" });
    const uninstall = within(card).getByRole("button", { name: "Uninstall" });
    await expect(uninstall).toHaveAttribute("aria-disabled", "true");
    await userEvent.hover(uninstall);
    await expect(await screen.findByRole("tooltip")).toHaveTextContent(
      "Only admins can uninstall GitHub.",
    );
    await userEvent.click(uninstall);
    await expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
  },
};

const reconnectFlow = resettableMock({});

/** A story loader: a fresh mock whose GitHub installation GitHub no longer accepts. */
async function breakGitHubInstallation() {
  await reconnectFlow.reset();
  const { store, ready } = reconnectFlow.current();
  await ready;
  const installation = await store.installations.get("org_acme", "ins_github_acme");
  await store.installations.updateCredentials("org_acme", "ins_github_acme", {
    secret: installation?.secret ?? null,
    status: "error",
    updatedAt: Date.now(),
  });
  return {};
}

/** What a card whose installation GitHub no longer accepts shows (checks shared below). */
async function expectNeedsReconnect(canvasElement: HTMLElement) {
  const card = await within(canvasElement).findByRole("article", { name: "GitHub" });
  await expect(card).toHaveAttribute("data-state", "needs-reconnect");
  const inCard = within(card);
  const status = inCard.getByText("Needs reconnect");
  await expect(status).toBeVisible();
  await expect(status).toHaveAttribute("data-state", "needs-reconnect");
  await expect(inCard.queryByText("Installed")).not.toBeInTheDocument();
  await expect(inCard.getByText(/GitHub no longer accepts this connection/)).toBeVisible();
  // Reconnect and Uninstall sit apart, not touching.
  const reconnect = inCard.getByRole("button", { name: "Reconnect" }).getBoundingClientRect();
  const uninstall = inCard.getByRole("button", { name: "Uninstall" }).getBoundingClientRect();
  const apart = uninstall.left - reconnect.right >= 6 || uninstall.top - reconnect.bottom >= 6;
  await expect(apart, "Reconnect and Uninstall touch").toBe(true);
  return card;
}

/** GitHub stopped accepting the installation's token: the card asks for a reconnect. */
export const NeedsReconnect: Story = {
  tags: ["screenshot"],
  args: { provider: "github" },
  // The play function checks the light theme's warning colour.
  globals: { theme: "light" },
  loaders: [breakGitHubInstallation],
  parameters: { msw: { handlers: reconnectFlow.handlers } },
  play: async ({ canvasElement }) => {
    const card = await expectNeedsReconnect(canvasElement);
    const status = within(card).getByText("Needs reconnect");
    // The warning colour, not the installed green (--pb-color-warning is #a15c00 in light).
    await expect(getComputedStyle(status).color).toBe("rgb(161, 92, 0)");
  },
};

/** Reconnect runs the install popup again and gives the same installation new tokens. */
export const Reconnect: Story = {
  args: { provider: "github" },
  loaders: [breakGitHubInstallation],
  parameters: { msw: { handlers: reconnectFlow.handlers } },
  beforeEach: stubPopup,
  play: async ({ canvasElement, msw }) => {
    const card = await expectNeedsReconnect(canvasElement);
    const inCard = within(card);
    await approveInPopup(card, msw, reconnectFlow, "Reconnect", "Reconnecting…");
    await waitFor(() => expect(card).toHaveAttribute("data-state", "installed"));
    await expect(inCard.getByText("Installed")).toBeVisible();
    await expect(inCard.queryByRole("button", { name: "Reconnect" })).not.toBeInTheDocument();
  },
};

const connectFlow = resettableMock({ fixtures: "empty" });

/**
 * Pumble connects from an incoming-webhook URL: a URL that is not Pumble's is refused under the
 * field, Pumble's own connects and the card turns installed.
 */
export const ConnectPumble: Story = {
  args: { provider: "pumble" },
  loaders: [connectFlow.reset],
  parameters: { msw: { handlers: connectFlow.handlers } },
  play: async ({ canvasElement }) => {
    const card = await within(canvasElement).findByRole("article", { name: "Pumble" });
    await expect(card).toHaveAttribute("data-state", "available");
    await userEvent.click(within(card).getByRole("button", { name: "Connect" }));

    const dialog = await screen.findByRole("dialog", { name: "Connect Pumble" });
    const field = within(dialog).getByRole("textbox", { name: "Incoming webhook URL" });
    await waitFor(() => expect(field).toHaveFocus());
    await expect(field).toHaveAccessibleDescription(
      "In Pumble, add an Incoming Webhook to a channel and copy its URL.",
    );

    await userEvent.type(field, "https://hooks.example.com/incoming/abc");
    await userEvent.click(within(dialog).getByRole("button", { name: "Connect" }));
    await waitFor(() => expect(field).toHaveAttribute("aria-invalid", "true"));
    await expect(field).toHaveAccessibleDescription(/Must be a Pumble webhook URL/);
    await expect(within(dialog).getByText("Must be a Pumble webhook URL")).toBeVisible();
    await expect(card).toHaveAttribute("data-state", "available");

    await userEvent.clear(field);
    await userEvent.type(field, "https://api.pumble.com/workspaces/w1/incomingWebhooks/abc");
    await userEvent.click(within(dialog).getByRole("button", { name: "Connect" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    await expect(card).toHaveAttribute("data-state", "installed");
    await expect(within(card).getByText("Installed")).toBeVisible();
    await expect(within(card).getByRole("button", { name: "Uninstall" })).toHaveFocus();
  },
};

/** A member sees why they cannot connect Pumble, in a tooltip. */
export const MemberCannotConnect: Story = {
  args: { provider: "pumble" },
  parameters: mockApi({ identity: fixtureIdentities.member }),
  play: async ({ canvasElement }) => {
    const card = await within(canvasElement).findByRole("article", { name: "Pumble" });
    const connect = within(card).getByRole("button", { name: "Connect" });
    await expect(connect).toHaveAttribute("aria-disabled", "true");
    await userEvent.hover(connect);
    await expect(await screen.findByRole("tooltip")).toHaveTextContent(
      "Only admins can install Pumble.",
    );
    await userEvent.click(connect);
    await expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  },
};

/** Layout at a width: a needs-reconnect card, its two actions apart and inside it. */
function layout(width: LayoutWidth): Story {
  return {
    globals: atWidth(width),
    args: { provider: "github" },
    loaders: [breakGitHubInstallation],
    parameters: { msw: { handlers: reconnectFlow.handlers } },
    play: async ({ canvasElement }) => expectFits(await expectNeedsReconnect(canvasElement)),
  };
}

export const Layout320 = layout(320);
export const Layout1280 = layout(1280);
