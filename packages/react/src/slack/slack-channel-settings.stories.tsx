/// <reference types="msw-storybook-addon/csf3" />
import { fixtureIdentities, fixtureProjectId } from "@plugboard/mocks";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { chooseOption } from "../test/choose-option";
import { fitsAt, type LayoutWidth } from "../test/layout";
import { errorStory, loadingStory, mockApi } from "../test/story-states";
import { SlackChannelSettings } from "./slack-channel-settings";

const meta = {
  title: "Slack/SlackChannelSettings",
  component: SlackChannelSettings,
  args: { projectId: fixtureProjectId },
} satisfies Meta<typeof SlackChannelSettings>;

export default meta;
type Story = StoryObj<typeof meta>;

const loaded = async (canvasElement: HTMLElement) => {
  const canvas = within(canvasElement);
  await waitFor(() =>
    expect(canvas.getByRole("region", { name: "Slack notifications" })).not.toHaveAttribute(
      "aria-busy",
    ),
  );
  return within(canvas.getByRole("region", { name: "Slack notifications" }));
};

/** Posting to #eng; the last message went through. */
export const Default: Story = {
  tags: ["screenshot"],
  parameters: mockApi({ slack: "channel" }),
  play: async ({ canvasElement }) => {
    const region = await loaded(canvasElement);
    await expect(region.getByText("Posting to #eng")).toBeVisible();
    await expect(region.getByRole("status")).toHaveTextContent(/Last message delivered/);
    const log = await region.findByRole("list", { name: "Recent deliveries" });
    await expect(within(log).getAllByRole("listitem")[0]).toHaveTextContent(
      /Delivered.*Issue changed.*2 attempts · http_503/,
    );
  },
};

/** Slack installed, no channel yet: an admin picks one from every page of channels and saves. */
export const PickChannel: Story = {
  tags: ["screenshot"],
  parameters: mockApi({ slack: "installed" }),
  play: async ({ canvasElement }) => {
    const region = await loaded(canvasElement);
    const select = region.getByRole("combobox", { name: "Channel" });
    await waitFor(() => expect(select).toBeEnabled());
    await chooseOption(userEvent, select, "#general");
    await userEvent.click(region.getByRole("button", { name: "Save" }));
    await expect(await region.findByText("Posting to #general")).toBeVisible();
  },
};

/** The bot is not in the channel: Slack's error and what to do about it. */
export const DeliveryFailed: Story = {
  tags: ["screenshot"],
  parameters: mockApi({ slack: "channel-failing" }),
  play: async ({ canvasElement }) => {
    const region = await loaded(canvasElement);
    await expect(region.getByRole("alert")).toHaveTextContent("not_in_channel");
    const log = await region.findByRole("list", { name: "Recent deliveries" });
    await expect(within(log).getAllByRole("listitem")[0]).toHaveTextContent(
      /Failed.*2 attempts · not_in_channel/,
    );
  },
};

export const SlackNotInstalled: Story = {
  tags: ["screenshot"],
  parameters: mockApi(),
  play: async ({ canvasElement }) => {
    const region = await loaded(canvasElement);
    await expect(region.getByRole("status")).toHaveTextContent("Connect Slack");
  },
};

export const Member: Story = {
  tags: ["screenshot"],
  parameters: mockApi({ slack: "channel", identity: fixtureIdentities.member }),
  play: async ({ canvasElement }) => {
    const region = await loaded(canvasElement);
    await expect(region.getByText("Only admins can change where notifications go.")).toBeVisible();
    await expect(region.queryByRole("combobox")).not.toBeInTheDocument();
  },
};

export const Loading: Story = { ...loadingStory("Slack notifications"), tags: ["screenshot"] };

const ErrorState: Story = errorStory();

export { ErrorState as Error };

/** Layout at a width: the picker, the events and the buttons fit. */
const layout = (width: LayoutWidth): Story => ({
  ...fitsAt(width, async (canvasElement) => {
    const region = await loaded(canvasElement);
    await region.findByRole("button", { name: "Send test message" });
    return canvasElement.querySelector(".pb-slack-channel") as HTMLElement;
  }),
  parameters: mockApi({ slack: "channel" }),
});

export const Layout320 = layout(320);
export const Layout1280 = layout(1280);
