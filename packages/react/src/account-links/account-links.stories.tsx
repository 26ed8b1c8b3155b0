/// <reference types="msw-storybook-addon/csf3" />
import { fixtureIdentities } from "@plugboard/mocks";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, screen, userEvent, waitFor, within } from "storybook/test";
import { fitsAt, type LayoutWidth } from "../test/layout";
import { resettableMock } from "../test/story-popup";
import { errorStory, findRegion, loadingStory, mockApi } from "../test/story-states";
import { AccountLinks } from "./account-links";

const meta = {
  title: "Account links/AccountLinks",
  component: AccountLinks,
} satisfies Meta<typeof AccountLinks>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Ada's own links: her Slack member and her Google account. */
export const Default: Story = {
  tags: ["screenshot"],
  parameters: mockApi({ accountLinks: true }),
  play: async ({ canvasElement }) => {
    const list = await within(canvasElement).findByRole("list", { name: "Linked accounts" });
    await expect(within(list).getAllByRole("listitem")).toHaveLength(2);
    await expect(within(list).getByText("Slack")).toBeVisible();
  },
};

const unlinking = resettableMock({ accountLinks: true });

/** Unlink asks first; the dialog is where it ends. */
export const ConfirmUnlink: Story = {
  tags: ["screenshot"],
  loaders: [unlinking.reset],
  parameters: { msw: { handlers: unlinking.handlers } },
  play: async ({ canvasElement }) => {
    const list = await within(canvasElement).findByRole("list", { name: "Linked accounts" });
    await userEvent.click(within(list).getByRole("button", { name: "Unlink Slack account ada" }));
    await expect(
      await screen.findByRole("alertdialog", { name: "Unlink Slack account ada?" }),
    ).toBeVisible();
  },
};

/** Confirmed: the link is gone and focus is back on the list's heading. */
export const Unlinked: Story = {
  loaders: [unlinking.reset],
  parameters: { msw: { handlers: unlinking.handlers } },
  play: async ({ canvasElement }) => {
    const list = await within(canvasElement).findByRole("list", { name: "Linked accounts" });
    await userEvent.click(within(list).getByRole("button", { name: "Unlink Slack account ada" }));
    const dialog = await screen.findByRole("alertdialog");
    await userEvent.click(within(dialog).getByRole("button", { name: "Unlink account" }));
    await waitFor(() => expect(within(list).getAllByRole("listitem")).toHaveLength(1));
    await waitFor(() =>
      expect(within(canvasElement).getByRole("heading", { name: "Linked accounts" })).toHaveFocus(),
    );
  },
};

/** Nothing linked yet: what linking is and how it starts. */
export const Empty: Story = {
  tags: ["screenshot"],
  parameters: mockApi(),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole("status")).toHaveTextContent(
      "No linked accounts yet.",
    );
  },
};

/** An admin's view: every link of the organization and the user it runs as. */
export const Organization: Story = {
  tags: ["screenshot"],
  args: { scope: "organization" },
  parameters: mockApi({ accountLinks: true }),
  play: async ({ canvasElement }) => {
    const list = await within(canvasElement).findByRole("list", {
      name: "Linked accounts in this organization",
    });
    await expect(within(list).getAllByRole("listitem")).toHaveLength(3);
    await expect(within(list).getByText(/Runs as user_grace/)).toBeVisible();
  },
};

/** A member asking for the organization's list: the server refuses, the component says why. */
export const MemberOrganization: Story = {
  args: { scope: "organization" },
  parameters: mockApi({ accountLinks: true, identity: fixtureIdentities.member }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole("alert")).toHaveTextContent(
      "Only admins can list everyone's account links",
    );
  },
};

export const Loading: Story = loadingStory("Linked accounts");

const ErrorState: Story = errorStory();

export { ErrorState as Error };

const layout = (width: LayoutWidth): Story => ({
  ...fitsAt(width, async (canvasElement) => {
    const region = await findRegion(canvasElement, "Linked accounts in this organization");
    await within(region).findByRole("list");
    return region;
  }),
  args: { scope: "organization" },
  parameters: mockApi({ accountLinks: true }),
});

export const Layout320 = layout(320);
export const Layout1280 = layout(1280);
