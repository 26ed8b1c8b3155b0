/// <reference types="msw-storybook-addon/csf3" />
import { fixtureIdentities, plugboardErrorHandlers } from "@plugboard/mocks";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, screen, userEvent, waitFor, within } from "storybook/test";
import { chooseAction, chooseOption, openActions } from "../test/choose-option";
import { atWidth, expectFits, type LayoutWidth } from "../test/layout";
import { errorStory, loadingStory, mockApi } from "../test/story-states";
import { ApiKeysManager } from "./api-keys-manager";

const meta = {
  title: "API keys/ApiKeysManager",
  component: ApiKeysManager,
  args: { projects: [{ id: "prj_web", name: "Website" }] },
} satisfies Meta<typeof ApiKeysManager>;

export default meta;
type Story = StoryObj<typeof meta>;

const findTable = (canvasElement: HTMLElement) =>
  within(canvasElement).findByRole("table", { name: "API keys" });

/** Runs an action from the menu of the key named `keyName`, once the table is there. */
async function keyAction(canvasElement: HTMLElement, keyName: string, action: string) {
  const table = await findTable(canvasElement);
  const row = within(table).getByRole("row", { name: new RegExp(keyName) });
  await chooseAction(
    userEvent,
    within(row).getByRole("button", { name: `Actions for ${keyName}` }),
    action,
  );
}

// Stories that change keys get a store of their own (the preview's default store is shared).

/** An admin sees every key of the organization: active, expiring soon, revoked. */
export const Keys: Story = {
  tags: ["screenshot"],
  parameters: mockApi(),
  play: async ({ canvasElement }) => {
    const table = await findTable(canvasElement);
    const ci = within(table).getByRole("row", { name: /CI deploy/ });
    await expect(within(ci).getByText("sk_test_7fQa…")).toBeVisible();
    await expect(within(ci).getByText("Active")).toBeVisible();
    const zapier = within(table).getByRole("row", { name: /Zapier/ });
    await expect(within(zapier).getByText("Expires soon")).toBeVisible();
    await expect(within(zapier).getByText("Website")).toBeVisible();
    const old = within(table).getByRole("row", { name: /Old import script/ });
    await expect(within(old).getByText("Revoked")).toBeVisible();
    // A revoked key's menu offers only what still applies: no Rotate, no Revoke.
    const menu = await openActions(
      userEvent,
      within(old).getByRole("button", { name: "Actions for Old import script" }),
    );
    await expect(within(menu).queryByRole("menuitem", { name: "Revoke" })).not.toBeInTheDocument();
    await userEvent.keyboard("{Escape}");
  },
};

/** Opens the create dialog and fills it in: a scope, an expiry preset, a project. */
async function fillCreateDialog(canvasElement: HTMLElement) {
  await findTable(canvasElement);
  await userEvent.click(within(canvasElement).getByRole("button", { name: "Create API key" }));
  const dialog = await screen.findByRole("dialog", { name: "Create API key" });
  await userEvent.type(within(dialog).getByLabelText("Name"), "Nightly export");
  const issues = within(dialog).getByRole("group", { name: "Issues" });
  await userEvent.click(within(issues).getByRole("checkbox", { name: "Read issues" }));
  const field = (name: string) => within(dialog).getByRole("combobox", { name });
  await chooseOption(userEvent, field("Expires"), "In 30 days");
  await chooseOption(userEvent, field("Project"), "Website");
  return dialog;
}

/** Fills in the create dialog, submits it and answers the secret dialog it ends on. */
async function createToSecret(canvasElement: HTMLElement) {
  const dialog = await fillCreateDialog(canvasElement);
  await userEvent.click(within(dialog).getByRole("button", { name: "Create key" }));
  return screen.findByRole("dialog", { name: "Copy your API key" });
}

/** The create dialog, filled in: scopes grouped by resource, expiry presets, a project. */
export const CreateKey: Story = {
  tags: ["screenshot"],
  parameters: mockApi(),
  play: async ({ canvasElement }) => {
    const dialog = await fillCreateDialog(canvasElement);
    await expect(within(dialog).getByRole("status")).toHaveTextContent(
      "Selected scopes: issues:read",
    );
  },
};

/** Created: the secret is shown once, with a copy button and a warning. */
export const CreatedKeySecret: Story = {
  parameters: mockApi(),
  play: async ({ canvasElement }) => {
    const secret = await createToSecret(canvasElement);
    await expect(within(secret).getByText(/only time the key is shown/)).toBeVisible();
    const input = within(secret).getByLabelText("API key") as HTMLInputElement;
    await expect(input.value).toMatch(/^sk_test_[0-9A-Za-z]{30}$/);
  },
};

/** After "Done" the new key is in the table and its secret is nowhere on the page. */
export const CreatedKeyInTable: Story = {
  parameters: mockApi(),
  play: async ({ canvasElement }) => {
    const secret = await createToSecret(canvasElement);
    const value = (within(secret).getByLabelText("API key") as HTMLInputElement).value;
    await userEvent.click(within(secret).getByRole("button", { name: "Done" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    const row = within(canvasElement).getByRole("row", { name: /Nightly export/ });
    await expect(within(row).getByText("issues:read")).toBeVisible();
    await expect(document.body.textContent).not.toContain(value);
  },
};

/** A member grants only member scopes and sees only their own keys. */
export const MemberView: Story = {
  parameters: mockApi({ identity: fixtureIdentities.member }),
  play: async ({ canvasElement }) => {
    const table = await findTable(canvasElement);
    await expect(within(table).getAllByRole("row")).toHaveLength(2);
    await userEvent.click(within(canvasElement).getByRole("button", { name: "Create API key" }));
    const dialog = await screen.findByRole("dialog", { name: "Create API key" });
    await expect(within(dialog).getByRole("checkbox", { name: /Delete issues/ })).toBeDisabled();
    await expect(within(dialog).getByRole("checkbox", { name: "Read issues" })).toBeEnabled();
    await expect(within(dialog).getByRole("checkbox", { name: /^Full access \*/ })).toBeDisabled();
    await expect(
      within(dialog).getByRole("checkbox", { name: /Full access to comments/ }),
    ).toBeEnabled();
    await userEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  },
};

/** Rotating with a grace period: the old key keeps working for 24 hours by default. */
export const RotateKey: Story = {
  parameters: mockApi(),
  play: async ({ canvasElement }) => {
    await keyAction(canvasElement, "CI deploy", "Rotate");
    const dialog = await screen.findByRole("dialog", { name: "Rotate CI deploy?" });
    await expect(within(dialog).getByRole("radio", { name: "For 24 hours" })).toBeChecked();
    await userEvent.click(within(dialog).getByRole("button", { name: "Rotate key" }));
    const secret = await screen.findByRole("dialog", { name: "Copy your API key" });
    await userEvent.click(within(secret).getByRole("button", { name: "Done" }));
    await waitFor(() =>
      expect(within(canvasElement).getAllByRole("row", { name: /CI deploy/ })).toHaveLength(2),
    );
    // The old key is still active, with the end of its grace period shown.
    const [, old] = within(canvasElement).getAllByRole("row", { name: /CI deploy/ });
    await expect(within(old as HTMLElement).getByText(/Stops working/)).toBeVisible();
  },
};

/** Revoking asks first, then the key is refused at once. */
export const RevokeKey: Story = {
  parameters: mockApi(),
  play: async ({ canvasElement }) => {
    await keyAction(canvasElement, "Zapier", "Revoke");
    const dialog = await screen.findByRole("alertdialog", { name: "Revoke Zapier?" });
    await userEvent.click(within(dialog).getByRole("button", { name: "Revoke key" }));
    await waitFor(() =>
      expect(
        within(within(canvasElement).getByRole("row", { name: /Zapier/ })).getByText("Revoked"),
      ).toBeVisible(),
    );
  },
};

/** Renaming: the name is checked before it is sent, then the row shows the new one. */
export const RenameKey: Story = {
  parameters: mockApi(),
  play: async ({ canvasElement }) => {
    await keyAction(canvasElement, "CI deploy", "Rename");
    const dialog = await screen.findByRole("dialog", { name: "Rename CI deploy" });
    const name = within(dialog).getByLabelText("Name");
    await userEvent.clear(name);
    await userEvent.click(within(dialog).getByRole("button", { name: "Save name" }));
    await expect(name).toHaveAttribute("aria-invalid", "true");
    await expect(within(dialog).getByText("Give the key a name")).toBeVisible();
    await userEvent.type(name, "Release pipeline");
    await userEvent.click(within(dialog).getByRole("button", { name: "Save name" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    await waitFor(() =>
      expect(within(canvasElement).getByRole("row", { name: /Release pipeline/ })).toBeVisible(),
    );
  },
};

/** Switching a key off: it is refused (DISABLED) until switched on again; the table says so. */
export const DisableKey: Story = {
  parameters: mockApi(),
  play: async ({ canvasElement }) => {
    const table = await findTable(canvasElement);
    const ci = () => within(canvasElement).getByRole("row", { name: /CI deploy/ });
    const toggle = within(table).getByRole("switch", { name: "CI deploy enabled" });
    await expect(toggle).toHaveAttribute("data-state", "checked");
    await userEvent.click(toggle);
    await waitFor(() => expect(within(ci()).getByText("Disabled")).toBeVisible());
    await expect(within(ci()).getByRole("switch")).toHaveAttribute("aria-checked", "false");
    await expect(within(ci()).getByRole("switch")).toHaveAttribute("data-state", "unchecked");
    await expect(ci()).toHaveAttribute("data-status", "disabled");
  },
};

/** A view-only page (`readOnly`): every control that changes a key explains why it is off. */
export const ReadOnly: Story = {
  args: { readOnly: true },
  parameters: mockApi(),
  play: async ({ canvasElement }) => {
    const table = await findTable(canvasElement);
    const toggle = within(table).getByRole("switch", { name: "CI deploy enabled" });
    await expect(toggle).toHaveAttribute("aria-disabled", "true");
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute("aria-checked", "true");
    await userEvent.click(within(canvasElement).getByRole("button", { name: "Create API key" }));
    await expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    await userEvent.hover(toggle);
    // Every read-only control gives the same reason, whichever tooltip is still fading out.
    const [tooltip] = await screen.findAllByRole("tooltip");
    await expect(tooltip).toHaveTextContent("Only the key's creator or an admin can change it.");
    // The row's menu keeps Usage (reading) and says why the rest is off; it ends open.
    const menu = await openActions(
      userEvent,
      within(table).getByRole("button", { name: "Actions for CI deploy" }),
    );
    await expect(within(menu).getByRole("menuitem", { name: "Rename" })).toHaveAttribute(
      "aria-disabled",
      "true",
    );
    await expect(menu).toHaveTextContent("Only the key's creator or an admin can change it.");
    await userEvent.keyboard("{Escape}");
  },
};

/** Wildcards: `issues:*` ticks and locks the issue scopes; full access (`*`) supersedes all. */
export const CreateWithWildcards: Story = {
  parameters: mockApi(),
  play: async ({ canvasElement }) => {
    await findTable(canvasElement);
    await userEvent.click(within(canvasElement).getByRole("button", { name: "Create API key" }));
    const dialog = await screen.findByRole("dialog", { name: "Create API key" });
    await userEvent.type(within(dialog).getByLabelText("Name"), "Issue bot");
    const issues = within(dialog).getByRole("group", { name: "Issues" });
    await userEvent.click(within(issues).getByRole("checkbox", { name: /Full access to issues/ }));
    const del = within(issues).getByRole("checkbox", { name: /Delete issues/ });
    await expect(del).toBeChecked();
    await expect(del).toBeDisabled();
    const selection = within(dialog).getByRole("status");
    await expect(selection).toHaveTextContent("Selected scopes: issues:*");
    await userEvent.click(within(dialog).getByRole("checkbox", { name: /^Full access \*/ }));
    await expect(selection).toHaveTextContent("Selected scopes: *");
    await userEvent.click(within(dialog).getByRole("checkbox", { name: /^Full access \*/ }));
    await userEvent.click(within(dialog).getByRole("button", { name: "Create key" }));
    const secret = await screen.findByRole("dialog", { name: "Copy your API key" });
    await userEvent.click(within(secret).getByRole("button", { name: "Done" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    const row = within(canvasElement).getByRole("row", { name: /Issue bot/ });
    await expect(within(row).getByText("issues:*")).toBeVisible();
  },
};

/** A day of traffic: requests and errors per hour in SVG, status codes, top endpoints. */
export const Usage: Story = {
  tags: ["screenshot"],
  parameters: mockApi(),
  play: async ({ canvasElement }) => {
    const dialog = await openUsage(canvasElement, "CI deploy");
    const chart = await within(dialog).findByRole("img", { name: /Requests over time/ });
    await expect(chart.querySelectorAll("rect").length).toBeGreaterThan(20);
    await expect(within(dialog).getByRole("table", { name: "Status codes" })).toHaveTextContent(
      "500",
    );
    await expect(within(dialog).getByRole("table", { name: "Top endpoints" })).toHaveTextContent(
      "/v1/issues",
    );
  },
};

/** Opens a key's usage dialog from its row's menu. */
async function openUsage(canvasElement: HTMLElement, keyName: string) {
  await keyAction(canvasElement, keyName, "Usage");
  return screen.findByRole("dialog", { name: `Usage of ${keyName}` });
}

/** Pointing at an hour (or moving there with the arrow keys) shows its requests and errors. */
export const UsageTooltip: Story = {
  tags: ["screenshot"],
  parameters: mockApi(),
  play: async ({ canvasElement }) => {
    const dialog = await openUsage(canvasElement, "CI deploy");
    const chart = await within(dialog).findByRole("img", { name: /Requests over time/ });
    await userEvent.hover(chart.querySelectorAll("g[data-bucket]")[12] as Element);
    await expect(await within(dialog).findByRole("tooltip")).toHaveTextContent(
      /requests, \d+ error/,
    );
  },
};

/** A key never used: the chart's frame at zero, saying there were no requests. */
export const UsageEmpty: Story = {
  tags: ["screenshot"],
  parameters: mockApi(),
  play: async ({ canvasElement }) => {
    const dialog = await openUsage(canvasElement, "Zapier");
    await expect(await within(dialog).findByText("No requests in this period.")).toBeVisible();
    await userEvent.click(within(dialog).getByRole("tab", { name: "Last 30 days" }));
    await expect(within(dialog).getByRole("tab", { name: "Last 30 days" })).toHaveAttribute(
      "aria-selected",
      "true",
    );
  },
};

/** No keys yet. */
export const Empty: Story = {
  parameters: mockApi({ fixtures: "empty" }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText("No API keys yet.")).toBeVisible();
    await expect(canvas.getByRole("button", { name: "Create API key" })).toBeEnabled();
    await expect(canvas.queryByRole("table")).not.toBeInTheDocument();
  },
};

/** The request never answers. */
export const Loading: Story = { tags: ["screenshot"], ...loadingStory("Loading API keys") };

/** The server fails: an explanation and a retry. Exported as `Error`. */
const ErrorState: Story = errorStory("Could not load API keys", { retry: true });

export { ErrorState as Error };

/** The host allows admins only (`memberAccess: "none"`): members are told so. */
export const PermissionDenied: Story = {
  parameters: { msw: { handlers: plugboardErrorHandlers("forbidden") } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("alert")).toHaveTextContent(
      "permission to manage API keys",
    );
    await expect(canvas.queryByRole("button", { name: "Create API key" })).not.toBeInTheDocument();
  },
};

/** The dark theme. */
export const DarkTheme: Story = {
  parameters: mockApi(),
  globals: { theme: "dark" },
  play: async ({ canvasElement }) => {
    await findTable(canvasElement);
    const region = within(canvasElement).getByRole("region", { name: "API keys" });
    await expect(region).toHaveAttribute("data-pb-theme", "dark");
    await expect(getComputedStyle(region).colorScheme).toBe("dark");
  },
};

/**
 * Layout at a width: the table (cards in a narrow container) and the create dialog both fit,
 * every action inside the card and no scope label spilling into the next column.
 */
function layout(width: LayoutWidth): Story {
  return {
    globals: atWidth(width),
    parameters: mockApi(),
    play: async ({ canvasElement }) => {
      await findTable(canvasElement);
      const region = within(canvasElement).getByRole("region", { name: "API keys" });
      await expectFits(region);
      await userEvent.click(within(region).getByRole("button", { name: "Create API key" }));
      const dialog = await screen.findByRole("dialog", { name: "Create API key" });
      await expectFits(dialog);
      await userEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
      await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    },
  };
}

export const Layout320 = layout(320);
export const Layout390 = layout(390);
export const Layout960 = layout(960);
export const Layout1280 = layout(1280);
