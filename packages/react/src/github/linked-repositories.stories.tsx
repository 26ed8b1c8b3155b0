/// <reference types="msw-storybook-addon/csf3" />
import { fixtureIdentities, fixtureProjectId } from "@plugboard/mocks";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { chooseOption } from "../test/choose-option";
import { fitsAt, type LayoutWidth } from "../test/layout";
import { resettableMock } from "../test/story-popup";
import { errorStory, expectStatus, findRegion, loadingStory, mockApi } from "../test/story-states";
import { LinkedRepositories } from "./linked-repositories";

const meta = {
  title: "GitHub/LinkedRepositories",
  component: LinkedRepositories,
  args: { projectId: fixtureProjectId },
} satisfies Meta<typeof LinkedRepositories>;

export default meta;
type Story = StoryObj<typeof meta>;

const region = (canvasElement: HTMLElement) => findRegion(canvasElement, "Linked repositories");

/** acme-inc/web is linked; a merged PR and a commit mention the project's issues. */
export const Default: Story = {
  tags: ["screenshot"],
  play: async ({ canvasElement }) => {
    const section = await region(canvasElement);
    const linked = await within(section).findByRole("list", { name: "Linked repositories" });
    await expect(within(linked).getByText("acme-inc/web")).toBeVisible();
    const activity = await within(section).findByRole("list", {
      name: "Recent pull requests and commits",
    });
    await expect(within(activity).getAllByRole("link")[0]).toHaveTextContent(
      "acme-inc/web #42: Fix the login redirect",
    );
    await expect(within(activity).getByText("PLANE-12")).toBeVisible();
  },
};

const linking = resettableMock({});

/** An admin links another repository, then unlinks the first. */
export const LinkAndUnlink: Story = {
  loaders: [linking.reset],
  parameters: { msw: { handlers: linking.handlers } },
  play: async ({ canvasElement }) => {
    const section = within(await region(canvasElement));
    const select = await section.findByRole("combobox", { name: "Repository" });
    await waitFor(() => expect(select).toBeEnabled());
    await chooseOption(userEvent, select, "acme-inc/api");
    await userEvent.click(section.getByRole("button", { name: "Link repository" }));
    const linked = within(section.getByRole("list", { name: "Linked repositories" }));
    await expect(await linked.findByText("acme-inc/api")).toBeVisible();
    await userEvent.click(section.getByRole("button", { name: "Unlink acme-inc/web" }));
    await waitFor(() => expect(linked.queryByText("acme-inc/web")).not.toBeInTheDocument());
  },
};

export const GitHubNotInstalled: Story = {
  parameters: mockApi({ fixtures: "empty" }),
  play: ({ canvasElement }) =>
    expectStatus(canvasElement, "Install GitHub to link its repositories to this project."),
};

export const Member: Story = {
  parameters: mockApi({ identity: fixtureIdentities.member }),
  play: async ({ canvasElement }) => {
    const section = within(await region(canvasElement));
    const unlink = await section.findByRole("button", { name: "Unlink acme-inc/web" });
    await expect(unlink).toHaveAttribute("aria-disabled", "true");
    await expect(section.queryByRole("combobox")).not.toBeInTheDocument();
  },
};

export const Loading: Story = { ...loadingStory("Linked repositories"), tags: ["screenshot"] };

const ErrorState: Story = errorStory();

export { ErrorState as Error };

/** Layout at a width: links, the link form and the activity list fit. */
const layout = (width: LayoutWidth): Story =>
  fitsAt(width, async (canvasElement) => {
    const section = await region(canvasElement);
    await within(section).findByRole("list", { name: "Recent pull requests and commits" });
    return section;
  });

export const Layout320 = layout(320);
export const Layout1280 = layout(1280);
