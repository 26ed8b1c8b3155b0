/// <reference types="msw-storybook-addon/csf3" />
import { fixtureIdentities } from "@plugboard/mocks";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { atWidth, expectFits, type LayoutWidth } from "../test/layout";
import { errorStory, loadingStory, mockApi } from "../test/story-states";
import { IntegrationGallery } from "./integration-gallery";

const meta = {
  title: "Integrations/IntegrationGallery",
  component: IntegrationGallery,
} satisfies Meta<typeof IntegrationGallery>;

export default meta;
type Story = StoryObj<typeof meta>;

const headings = (region: HTMLElement) =>
  within(region)
    .getAllByRole("heading", { level: 3 })
    .map((heading) => heading.textContent);

/** Featured entries first, then the rest; GitHub is installed for the fixture organization. */
export const Default: Story = {
  tags: ["screenshot"],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const featured = await canvas.findByRole("region", { name: "Featured" });
    await expect(headings(featured)).toEqual(["GitHub", "Slack"]);
    await expect(headings(canvas.getByRole("region", { name: "All integrations" }))).toEqual([
      "Google Calendar",
      "Pumble",
      "Jira import",
    ]);
    await expect(canvas.getByRole("radio", { name: "All" })).toBeChecked();
  },
};

/** Typing narrows the cards to matching names and descriptions. */
export const Search: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(
      await canvas.findByRole("searchbox", { name: "Search integrations" }),
      "pull",
    );
    await expect(canvas.queryByRole("region", { name: "Featured" })).not.toBeInTheDocument();
    await expect(headings(canvas.getByRole("region", { name: "All integrations" }))).toEqual([
      "GitHub",
    ]);
  },
};

/** A category and "installed only" together can leave nothing: the gallery says so. */
export const NoMatches: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("radio", { name: "Calendar" }));
    await userEvent.click(canvas.getByRole("checkbox", { name: "Installed only" }));
    await expect(canvas.getByRole("status")).toHaveTextContent(
      "No integrations match your filters.",
    );
  },
};

/** Nothing installed yet: every card offers Install. */
export const NothingInstalled: Story = {
  parameters: mockApi({ fixtures: "empty" }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole("region", { name: "Featured" });
    await expect(canvas.getAllByRole("button", { name: "Install" })).toHaveLength(3);
    await expect(canvas.queryByText("Installed", { exact: true })).not.toBeInTheDocument();
  },
};

/** A member: GitHub's Uninstall explains itself; members may still connect their own Slack. */
export const Member: Story = {
  parameters: mockApi({ identity: fixtureIdentities.member }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const github = await canvas.findByRole("article", { name: "GitHub" });
    await expect(within(github).getByRole("button", { name: "Uninstall" })).toHaveAttribute(
      "aria-disabled",
      "true",
    );
    const slack = canvas.getByRole("article", { name: "Slack" });
    await expect(within(slack).getByRole("button", { name: "Install" })).not.toHaveAttribute(
      "aria-disabled",
    );
  },
};

export const Loading: Story = loadingStory("Loading integrations");

const ErrorState: Story = errorStory("Could not load integrations", { retry: true });

export { ErrorState as Error };

/** Layout at a width: the toolbar, the category chips and every card fit. */
function layout(width: LayoutWidth): Story {
  return {
    globals: atWidth(width),
    play: async ({ canvasElement }) => {
      await within(canvasElement).findByRole("region", { name: "Featured" });
      await expectFits(canvasElement.firstElementChild as HTMLElement);
    },
  };
}

export const Layout320 = layout(320);
export const Layout390 = layout(390);
export const Layout960 = layout(960);
export const Layout1280 = layout(1280);
