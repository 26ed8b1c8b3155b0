/// <reference types="msw-storybook-addon/csf3" />
import {
  fixtureIdentities,
  fixtureWebhooks,
  plugboardErrorHandlers,
  plugboardHandlers,
  plugboardLoadingHandlers,
} from "@plugboard/mocks";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { HttpResponse, http } from "msw";
import { expect, screen, userEvent, waitFor, within } from "storybook/test";
import { chooseAction, openActions } from "../test/choose-option";
import { atWidth, expectFits, type LayoutWidth } from "../test/layout";
import { loadedRegion, mockApi } from "../test/story-states";
import { findToast } from "../test/toasts";
import { WebhookManager } from "./webhook-manager";

// The fixture organization's endpoints (see @plugboard/mocks): healthy, failing, disabled.
const [healthy, failing, disabled] = fixtureWebhooks().endpoints.map(
  (endpoint) => endpoint.url,
) as [string, string, string];
const newUrl = "https://hooks.example.com/plugboard";

const meta = {
  title: "Webhooks/WebhookManager",
  component: WebhookManager,
} satisfies Meta<typeof WebhookManager>;

export default meta;
type Story = StoryObj<typeof meta>;

const loaded = (canvasElement: HTMLElement) => loadedRegion(canvasElement, "Webhooks");

function item(region: HTMLElement, url: string) {
  return within(region).getByRole("listitem", { name: url });
}

/** Opens the failing endpoint's delivery log and waits for its messages. */
async function openFailingLog(canvasElement: HTMLElement) {
  const region = await loaded(canvasElement);
  const row = item(region, failing);
  await userEvent.click(within(row).getByRole("button", { name: "Delivery log" }));
  const log = await within(row).findByRole("region", { name: `Deliveries to ${failing}` });
  await within(log).findByRole("listitem", { name: "issue.updated" });
  return { region, row, log };
}

/** No endpoints yet: an invitation to add one. */
export const Empty: Story = {
  parameters: mockApi({ fixtures: "empty" }),
  play: async ({ canvasElement }) => {
    const region = await loaded(canvasElement);
    await expect(region).toHaveAttribute("data-state", "empty");
    await expect(within(region).getByText("No webhook endpoints yet.")).toBeVisible();
    await expect(within(region).getByRole("button", { name: "Add endpoint" })).toBeEnabled();
  },
};

/** The fixture organization: a healthy endpoint, a failing one, and a disabled Pumble channel. */
export const List: Story = {
  tags: ["screenshot"],
  parameters: mockApi(),
  play: async ({ canvasElement }) => {
    const region = await loaded(canvasElement);
    await expect(region).toHaveAttribute("data-state", "ready");
    const list = within(region).getByRole("list", { name: "Webhook endpoints" });
    const items = within(list).getAllByRole("listitem", { name: /^https:/ });
    await expect(items.map((entry) => entry.getAttribute("data-state"))).toEqual([
      "active",
      "failing",
      "disabled",
    ]);
    const first = within(item(region, healthy));
    await expect(first.getByText("CI pipeline")).toBeVisible();
    await expect(first.getByText("All events")).toBeVisible();
    await expect(first.getByText("Last delivery: Delivered")).toBeVisible();
    await expect(first.getByRole("switch", { name: `Deliver to ${healthy}` })).toBeChecked();
  },
};

/** Failing: the row is marked, its last delivery failed, and the failure rate says how badly. */
export const FailingEndpoint: Story = {
  parameters: mockApi(),
  play: async ({ canvasElement }) => {
    const region = await loaded(canvasElement);
    const row = item(region, failing);
    await expect(row).toHaveAttribute("data-state", "failing");
    const inRow = within(row);
    await expect(inRow.getByText("Last delivery: Failed")).toBeVisible();
    await expect(inRow.getByText(/^\d of the last \d+ attempts failed$/)).toBeVisible();
    await expect(inRow.getByText("3 events")).toBeVisible();
    await expect(inRow.getByText("issue.completed")).toBeVisible();
  },
};

/** Disabled after repeated failures: the reason is shown, and switching it on again works. */
export const DisabledEndpoint: Story = {
  parameters: mockApi(),
  play: async ({ canvasElement }) => {
    const region = await loaded(canvasElement);
    const row = item(region, disabled);
    await expect(row).toHaveAttribute("data-state", "disabled");
    await expect(within(row).getByText("Turned off after repeated failures")).toBeVisible();
    await expect(within(row).getByText("Pumble channel")).toBeVisible();
    const toggle = within(row).getByRole("switch", { name: `Deliver to ${disabled}` });
    await expect(toggle).not.toBeChecked();

    await userEvent.click(toggle);
    await waitFor(() => expect(row).not.toHaveAttribute("data-state", "disabled"));
    await expect(toggle).toBeChecked();
  },
};

/** The create dialog: inline errors first, then events picked by resource. */
export const Creating: Story = {
  tags: ["screenshot"],
  parameters: mockApi({ fixtures: "empty" }),
  play: async ({ canvasElement }) => {
    const region = await loaded(canvasElement);
    await userEvent.click(within(region).getByRole("button", { name: "Add endpoint" }));
    const dialog = await screen.findByRole("dialog", { name: "Add endpoint" });
    const url = within(dialog).getByRole("textbox", { name: "Endpoint URL" });
    await userEvent.type(url, "ftp://example");
    await userEvent.click(within(dialog).getByRole("radio", { name: "Selected events" }));
    await userEvent.click(within(dialog).getByRole("button", { name: "Create endpoint" }));
    // The server's field errors, shown inline; focus moves to the first invalid field.
    await waitFor(() => expect(url).toHaveAttribute("aria-invalid", "true"));
    await waitFor(() => expect(url).toHaveFocus());
    await expect(within(dialog).getByText("Pick at least one event")).toBeVisible();

    await userEvent.clear(url);
    await userEvent.type(url, newUrl);
    const issues = within(dialog).getByRole("group", { name: "Issues" });
    await userEvent.click(within(issues).getByRole("checkbox", { name: "Issues" }));
    await expect(within(issues).getByRole("checkbox", { name: /issue\.assigned/ })).toBeChecked();
    await expect(within(dialog).getByRole("combobox", { name: "Destination" })).toHaveTextContent(
      "Signed JSON (Standard Webhooks)",
    );
  },
};

/** Creates an endpoint through the form and answers the signing-secret dialog it ends on. */
async function createEndpointToSecret(canvasElement: HTMLElement) {
  const region = await loaded(canvasElement);
  await userEvent.click(within(region).getByRole("button", { name: "Add endpoint" }));
  const form = await screen.findByRole("dialog", { name: "Add endpoint" });
  await userEvent.type(within(form).getByRole("textbox", { name: "Endpoint URL" }), newUrl);
  await userEvent.click(within(form).getByRole("button", { name: "Create endpoint" }));
  return { region, dialog: await screen.findByRole("dialog", { name: "Signing secret" }) };
}

/** Right after creating: the secret, once, with a copy button and a warning. */
export const SecretReveal: Story = {
  tags: ["screenshot"],
  parameters: mockApi({ fixtures: "empty" }),
  play: async ({ canvasElement }) => {
    const { dialog } = await createEndpointToSecret(canvasElement);
    await expect(dialog).toHaveAccessibleDescription(/shown only once/);
    const input = within(dialog).getByRole("textbox", { name: "Secret" }) as HTMLInputElement;
    await expect(input.value).toMatch(/^whsec_/);
    await expect(within(dialog).getByRole("button", { name: "Copy" })).toBeVisible();
    // Room under the baseline, so the underscores of `whsec_…` are not cut off at 1x.
    const style = getComputedStyle(input);
    await expect(parseFloat(style.lineHeight)).toBeGreaterThanOrEqual(
      1.4 * parseFloat(style.fontSize),
    );
  },
};

/** After "Done" only the secret's hint is left on the page. */
export const SecretShownOnce: Story = {
  parameters: mockApi({ fixtures: "empty" }),
  play: async ({ canvasElement }) => {
    const { region, dialog } = await createEndpointToSecret(canvasElement);
    const value = (within(dialog).getByRole("textbox", { name: "Secret" }) as HTMLInputElement)
      .value;
    await userEvent.click(within(dialog).getByRole("button", { name: "Done" }));
    const row = await within(region).findByRole("listitem", { name: newUrl });
    await expect(within(row).getByText(`whsec_…${value.slice(-4)}`)).toBeVisible();
    await expect(document.body.innerHTML).not.toContain(value);
  },
};

/** The failing endpoint's log: a message still retrying (3 attempts) and one that gave up. */
export const DeliveryLog: Story = {
  tags: ["screenshot"],
  parameters: mockApi(),
  play: async ({ canvasElement }) => {
    const { log } = await openFailingLog(canvasElement);
    const retrying = within(log).getByRole("listitem", { name: "issue.updated" });
    await expect(retrying).toHaveAttribute("data-state", "pending");
    await expect(within(retrying).getByText("Attempt 3")).toBeVisible();
    await expect(within(retrying).getByText("HTTP 503")).toBeVisible();
    await expect(within(retrying).getByText("Service Unavailable")).toBeVisible();
    await expect(within(retrying).getByText("timeout")).toBeVisible();
    await expect(within(retrying).getByText("15000 ms")).toBeVisible();
    await expect(within(retrying).getAllByText(/^Next retry /).length).toBeGreaterThan(0);
    // Two messages are one page: nothing older to load.
    await expect(
      within(log).queryByRole("button", { name: "Load older messages" }),
    ).not.toBeInTheDocument();

    const gaveUp = within(log).getByRole("listitem", { name: "issue.completed" });
    await expect(gaveUp).toHaveAttribute("data-state", "failed");
    await userEvent.click(within(gaveUp).getByRole("button", { name: "Resend" }));
    await expect(await findToast("Queued for delivery again.")).toBeVisible();
    await waitFor(() => expect(gaveUp).toHaveAttribute("data-state", "pending"));
  },
};

/** Send test: the receiver (played by msw) answers, and a toast says how. */
export const SendTest: Story = {
  parameters: {
    msw: {
      handlers: [
        http.post(healthy, () => new HttpResponse(null, { status: 204 })),
        ...plugboardHandlers(),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const region = await loaded(canvasElement);
    const row = item(region, healthy);
    await userEvent.click(within(row).getByRole("button", { name: "Send test" }));
    await expect(await findToast("Test event: Delivered (HTTP 204)")).toBeVisible();
  },
};

/** Editing: the dialog opens with the endpoint's current values. */
export const Editing: Story = {
  parameters: mockApi(),
  play: async ({ canvasElement }) => {
    const region = await loaded(canvasElement);
    await chooseAction(
      userEvent,
      within(item(region, failing)).getByRole("button", { name: /^Actions for / }),
      "Edit",
    );
    const dialog = await screen.findByRole("dialog", { name: "Edit endpoint" });
    await expect(within(dialog).getByRole("textbox", { name: "Endpoint URL" })).toHaveValue(
      failing,
    );
    await expect(within(dialog).getByRole("textbox", { name: "Project ID" })).toHaveValue(
      "prj_web",
    );
    await expect(within(dialog).getByRole("radio", { name: "Selected events" })).toBeChecked();
    const issues = within(dialog).getByRole("group", { name: "Issues" });
    await expect(within(issues).getByRole("checkbox", { name: /issue\.created/ })).toBeChecked();
    await expect(within(issues).getByRole("checkbox", { name: "Issues" })).toHaveAttribute(
      "aria-checked",
      "mixed",
    );
  },
};

/** Rotating asks first, and lets the admin pick how long the old secret keeps signing. */
export const RotateConfirmation: Story = {
  parameters: mockApi(),
  play: async ({ canvasElement }) => {
    const region = await loaded(canvasElement);
    const row = item(region, healthy);
    await chooseAction(
      userEvent,
      within(row).getByRole("button", { name: /^Actions for / }),
      "Rotate secret",
    );
    const confirm = await screen.findByRole("alertdialog", { name: "Rotate the signing secret?" });
    await expect(confirm).toHaveAccessibleDescription(/grace period/);
    await expect(within(confirm).getByRole("button", { name: "Cancel" })).toHaveFocus();
    const grace = within(confirm).getByRole("group", { name: "Old secret keeps signing" });
    await expect(within(grace).getByRole("radio", { name: "For 24 hours" })).toBeChecked();
    await userEvent.click(within(grace).getByRole("radio", { name: "For 1 hour" }));
    await expect(within(grace).getByRole("radio", { name: "For 1 hour" })).toBeChecked();
  },
};

/** Confirmed: the new secret is shown once, and the row's hint changes. */
export const RotateSecret: Story = {
  parameters: mockApi(),
  play: async ({ canvasElement }) => {
    const region = await loaded(canvasElement);
    const row = item(region, healthy);
    const hint = within(row).getByText(/^whsec_…/).textContent;
    await chooseAction(
      userEvent,
      within(row).getByRole("button", { name: /^Actions for / }),
      "Rotate secret",
    );
    const confirm = await screen.findByRole("alertdialog", { name: "Rotate the signing secret?" });
    await userEvent.click(within(confirm).getByRole("button", { name: "Rotate secret" }));
    const secret = await screen.findByRole("dialog", { name: "Signing secret" });
    await userEvent.click(within(secret).getByRole("button", { name: "Done" }));
    await waitFor(() => expect(within(row).getByText(/^whsec_…/).textContent).not.toBe(hint));
  },
};

/** Deleting asks first, naming the endpoint. */
export const DeleteConfirmation: Story = {
  parameters: mockApi(),
  play: async ({ canvasElement }) => {
    const region = await loaded(canvasElement);
    await chooseAction(
      userEvent,
      within(item(region, healthy)).getByRole("button", { name: /^Actions for / }),
      "Delete",
    );
    const confirm = await screen.findByRole("alertdialog", { name: "Delete this endpoint?" });
    await expect(confirm).toHaveTextContent(healthy);
    await expect(within(confirm).getByRole("button", { name: "Delete endpoint" })).toBeVisible();
  },
};

/** A member: the list says so, and everything is visible, nothing changeable, with a tooltip. */
export const ReadOnly: Story = {
  parameters: mockApi({ identity: fixtureIdentities.member }),
  play: async ({ canvasElement }) => {
    const region = await loaded(canvasElement);
    await expect(region).toHaveAttribute("data-readonly", "true");
    const row = item(region, healthy);
    await expect(within(row).getByRole("button", { name: "Send test" })).toHaveAttribute(
      "aria-disabled",
      "true",
    );
    const menu = await openActions(
      userEvent,
      within(row).getByRole("button", { name: /^Actions for / }),
    );
    for (const name of ["Edit", "Rotate secret", "Delete"]) {
      await expect(within(menu).getByRole("menuitem", { name })).toHaveAttribute(
        "aria-disabled",
        "true",
      );
    }
    await userEvent.keyboard("{Escape}");
    await expect(within(row).getByRole("switch")).toHaveAttribute("aria-disabled", "true");
    const logButton = within(row).getByRole("button", { name: "Delivery log" });
    await expect(logButton).not.toHaveAttribute("aria-disabled");
    await userEvent.click(logButton);
    const log = await within(row).findByRole("region", { name: `Deliveries to ${healthy}` });
    await within(log).findAllByRole("listitem", { name: /\./ });
    await expect(
      within(log).queryByRole("button", { name: "Recover failed messages" }),
    ).not.toBeInTheDocument();
    const add = within(region).getByRole("button", { name: "Add endpoint" });
    await userEvent.hover(add);
    await expect(await screen.findByRole("tooltip")).toHaveTextContent(
      "Only admins can change webhooks.",
    );
    await userEvent.click(add);
    await expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  },
};

/** After an outage: recover the failing endpoint's failed messages of the last 7 days. */
export const RecoverFailedMessages: Story = {
  parameters: mockApi(),
  play: async ({ canvasElement }) => {
    const region = await loaded(canvasElement);
    const row = item(region, failing);
    await userEvent.click(within(row).getByRole("button", { name: "Delivery log" }));
    const gaveUp = await within(row).findByRole("listitem", { name: "issue.completed" });
    await expect(gaveUp).toHaveAttribute("data-state", "failed");

    const trigger = within(row).getByRole("button", { name: "Recover failed messages" });
    await userEvent.click(trigger);
    const dialog = await screen.findByRole("dialog", { name: "Recover failed messages" });
    const since = within(dialog).getByRole("group", { name: "Failed since" });
    await expect(within(since).getByRole("radio", { name: "The last 24 hours" })).toBeChecked();
    // A preset needs no date: the field shows only for "A date and time".
    await expect(within(dialog).queryByLabelText("Date and time")).not.toBeInTheDocument();
    await userEvent.click(within(since).getByRole("radio", { name: "A date and time" }));
    await expect(within(dialog).getByLabelText("Date and time")).toHaveAttribute(
      "type",
      "datetime-local",
    );
    await userEvent.click(within(since).getByRole("radio", { name: "The last 7 days" }));
    await userEvent.click(within(dialog).getByRole("button", { name: "Recover messages" }));
    await waitFor(() =>
      expect(within(dialog).getByRole("status")).toHaveTextContent(
        "1 message queued for delivery again.",
      ),
    );

    await userEvent.click(within(dialog).getByRole("button", { name: "Done" }));
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    await expect(trigger).toHaveFocus();
    await waitFor(() => expect(gaveUp).toHaveAttribute("data-state", "pending"));
  },
};

/** The dark theme, on the manager and on its dialogs (they render in a portal). */
export const DarkTheme: Story = {
  parameters: mockApi(),
  globals: { theme: "dark" },
  play: async ({ canvasElement }) => {
    const region = await loaded(canvasElement);
    await expect(region).toHaveAttribute("data-pb-theme", "dark");
    // styles.css is loaded and the dark palette is in effect (--pb-color-text is #ececf1).
    await expect(getComputedStyle(region).colorScheme).toBe("dark");
    await expect(getComputedStyle(region).color).toBe("rgb(236, 236, 241)");

    await chooseAction(
      userEvent,
      within(item(region, healthy)).getByRole("button", { name: /^Actions for / }),
      "Delete",
    );
    const confirm = await screen.findByRole("alertdialog", { name: "Delete this endpoint?" });
    await expect(confirm).toHaveAttribute("data-pb-theme", "dark");
    // --pb-color-bg is #17171c in the dark palette.
    await expect(getComputedStyle(confirm).backgroundColor).toBe("rgb(23, 23, 28)");
    await userEvent.click(within(confirm).getByRole("button", { name: "Cancel" }));
  },
};

/** The server answers 500 for everything: the manager explains and offers a retry. */
const ErrorState: Story = {
  parameters: { msw: { handlers: plugboardErrorHandlers("internal_error") } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole("alert");
    await expect(alert).toHaveTextContent("Could not load webhooks");
    await expect(alert).toHaveTextContent("Internal error");
    await expect(canvas.getByRole("region", { name: "Webhooks" })).toHaveAttribute(
      "data-state",
      "error",
    );
    await expect(canvas.getByRole("button", { name: "Try again" })).toBeEnabled();
  },
};

export { ErrorState as Error };

/** The request never answers: a busy skeleton. */
export const Loading: Story = {
  tags: ["screenshot"],
  parameters: { msw: { handlers: plugboardLoadingHandlers() } },
  play: async ({ canvasElement }) => {
    const region = await within(canvasElement).findByRole("region", { name: "Webhooks" });
    await expect(region).toHaveAttribute("aria-busy", "true");
    await expect(region).toHaveAttribute("data-state", "loading");
  },
};

/** Layout at a width: every row, its actions and the failing endpoint's open log fit. */
function layout(width: LayoutWidth): Story {
  return {
    globals: atWidth(width),
    parameters: mockApi(),
    play: async ({ canvasElement }) => {
      const { region, row } = await openFailingLog(canvasElement);
      await expectFits(region);
      await expect(within(row).getByRole("button", { name: /^Actions for / })).toBeVisible();
    },
  };
}

export const Layout320 = layout(320);
export const Layout390 = layout(390);
export const Layout960 = layout(960);
export const Layout1280 = layout(1280);
