/// <reference types="msw-storybook-addon/csf3" />
import {
  fixtureIdentities,
  fixtureProjectId,
  plugboardErrorHandlers,
  plugboardHandlers,
  plugboardLoadingHandlers,
} from "@plugboard/mocks";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { chooseOption } from "../test/choose-option";
import { atWidth, expectFits, type LayoutWidth } from "../test/layout";
import { resettableMock } from "../test/story-popup";
import { LinkedRepositories } from "./linked-repositories";

const meta = {
  title: "GitHub/LinkedRepositories",
  component: LinkedRepositories,
  args: { projectId: fixtureProjectId },
} satisfies Meta<typeof LinkedRepositories>;

export default meta;
type Story = StoryObj<typeof meta>;

/** acme-inc/web is linked; a merged PR and a commit mention the project's issues. */
export const Default: Story = {
  tags: ["screenshot"],
  play: async ({ canvasElement }) => {
    const region = await within(canvasElement).findByRole("region", {
      name: "Linked repositories",
    });
    const linked = await within(region).findByRole("list", { name: "Linked repositories" });
    await expect(within(linked).getByText("acme-inc/web")).toBeVisible();
    const activity = await within(region).findByRole("list", {
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
    const region = await within(canvasElement).findByRole("region", {
      name: "Linked repositories",
    });
    const select = await within(region).findByRole("combobox", { name: "Repository" });
    await waitFor(() => expect(select).toBeEnabled());
    await chooseOption(userEvent, select, "acme-inc/api");
    await userEvent.click(within(region).getByRole("button", { name: "Link repository" }));
    const linked = within(region).getByRole("list", { name: "Linked repositories" });
    await expect(await within(linked).findByText("acme-inc/api")).toBeVisible();
    await userEvent.click(within(region).getByRole("button", { name: "Unlink acme-inc/web" }));
    await waitFor(() => expect(within(linked).queryByText("acme-inc/web")).not.toBeInTheDocument());
  },
};

export const GitHubNotInstalled: Story = {
  parameters: { msw: { handlers: plugboardHandlers({ fixtures: "empty" }) } },
  play: async ({ canvasElement }) => {
    // The loading skeleton is a status too: wait for the one that says what to do.
    await waitFor(() =>
      expect(within(canvasElement).getByRole("status")).toHaveTextContent(
        "Install GitHub to link its repositories to this project.",
      ),
    );
  },
};

export const Member: Story = {
  parameters: { msw: { handlers: plugboardHandlers({ identity: fixtureIdentities.member }) } },
  play: async ({ canvasElement }) => {
    const region = await within(canvasElement).findByRole("region", {
      name: "Linked repositories",
    });
    const unlink = await within(region).findByRole("button", { name: "Unlink acme-inc/web" });
    await expect(unlink).toHaveAttribute("aria-disabled", "true");
    await expect(within(region).queryByRole("combobox")).not.toBeInTheDocument();
  },
};

export const Loading: Story = {
  tags: ["screenshot"],
  parameters: { msw: { handlers: plugboardLoadingHandlers() } },
  play: async ({ canvasElement }) => {
    const region = await within(canvasElement).findByRole("region", {
      name: "Linked repositories",
    });
    await expect(region).toHaveAttribute("aria-busy", "true");
  },
};

const ErrorState: Story = {
  parameters: { msw: { handlers: plugboardErrorHandlers("internal_error") } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole("alert")).toHaveTextContent(
      "Internal error",
    );
  },
};

export { ErrorState as Error };

/** Layout at a width: links, the link form and the activity list fit. */
function layout(width: LayoutWidth): Story {
  return {
    globals: atWidth(width),
    play: async ({ canvasElement }) => {
      const region = await within(canvasElement).findByRole("region", {
        name: "Linked repositories",
      });
      await within(region).findByRole("list", { name: "Recent pull requests and commits" });
      await expectFits(region);
    },
  };
}

export const Layout320 = layout(320);
export const Layout1280 = layout(1280);
