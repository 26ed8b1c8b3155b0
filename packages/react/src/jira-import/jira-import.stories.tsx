/// <reference types="msw-storybook-addon/csf3" />
import {
  createMockPlugboard,
  fixtureIdentities,
  fixtureJiraCloud,
  type MockPlugboard,
  mockPlugboardHandlers,
  plugboardErrorHandlers,
} from "@plugboard/mocks";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { delay, HttpResponse, http } from "msw";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { chooseOption } from "../test/choose-option";
import { atWidth, expectFits, type LayoutWidth } from "../test/layout";
import { JiraImport } from "./jira-import";

const meta = {
  title: "Jira import/JiraImport",
  component: JiraImport,
} satisfies Meta<typeof JiraImport>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The real kit with Jira import on, the simulated Jira Cloud and a memory host tracker. */
function jiraKit(
  extra: (mock: MockPlugboard) => ReturnType<typeof http.all>[] = () => [],
  options: Parameters<typeof createMockPlugboard>[0] = {},
) {
  const mock = createMockPlugboard({ jira: true, ...options });
  return { msw: { handlers: [...extra(mock), ...mockPlugboardHandlers(mock)] } };
}

const wizard = (canvasElement: HTMLElement) =>
  within(within(canvasElement).getByRole("region", { name: "Import from Jira" }));

async function connect(canvasElement: HTMLElement, token = fixtureJiraCloud.apiToken) {
  const region = wizard(canvasElement);
  await userEvent.type(await region.findByLabelText("Site URL"), fixtureJiraCloud.siteUrl);
  await userEvent.type(region.getByLabelText("Account email"), fixtureJiraCloud.email);
  await userEvent.type(region.getByLabelText("API token"), token);
  await userEvent.click(region.getByRole("button", { name: "Connect to Jira" }));
}

async function choose(canvasElement: HTMLElement) {
  await connect(canvasElement);
  const region = wizard(canvasElement);
  await region.findByRole("heading", { name: /Choose$/ });
  await waitFor(() => expect(region.getByRole("combobox", { name: "Jira project" })).toBeEnabled());
  await waitFor(() => expect(region.getByRole("combobox", { name: "Import into" })).toBeEnabled());
}

async function map(canvasElement: HTMLElement) {
  await choose(canvasElement);
  const region = wizard(canvasElement);
  await chooseOption(
    userEvent,
    region.getByRole("combobox", { name: "Jira project" }),
    "Orbit (ORB)",
  );
  await chooseOption(userEvent, region.getByRole("combobox", { name: "Import into" }), "Web");
  await userEvent.click(region.getByRole("button", { name: "Next" }));
  await region.findByRole("heading", { name: /Map$/ }, { timeout: 10_000 });
}

async function dryRun(canvasElement: HTMLElement) {
  await map(canvasElement);
  const region = wizard(canvasElement);
  await userEvent.click(region.getByRole("button", { name: "Dry run" }));
  await region.findByRole("heading", { name: /Dry run$/ }, { timeout: 10_000 });
}

async function imported(canvasElement: HTMLElement) {
  await dryRun(canvasElement);
  const region = wizard(canvasElement);
  await userEvent.click(region.getByRole("button", { name: "Start import" }));
  await region.findByText("Import finished", {}, { timeout: 20_000 });
}

/** Step 1: Jira Cloud by site, email and API token, or a CSV export in the other tab. */
export const Connect: Story = {
  tags: ["screenshot"],
  parameters: jiraKit(),
  play: async ({ canvasElement }) => {
    const region = wizard(canvasElement);
    await expect(await region.findByRole("tab", { name: "Jira Cloud" })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    await expect(region.getByRole("heading", { name: /Connect$/ })).toBeVisible();
  },
};

/** Sources connected before are still being listed. */
export const Loading: Story = {
  parameters: jiraKit(() => [
    http.get("*/api/plugboard/jira-import/sources", async () => {
      await delay("infinite");
      return new HttpResponse(null, { status: 204 });
    }),
  ]),
  play: async ({ canvasElement }) => {
    await expect(
      await wizard(canvasElement).findByRole("status", { name: "Loading Jira import" }),
    ).toBeVisible();
  },
};

/** The earlier sources could not be listed: said, with Retry; a new source can still connect. */
export const LoadError: Story = {
  tags: ["screenshot"],
  parameters: { msw: { handlers: plugboardErrorHandlers("internal_error") } },
  play: async ({ canvasElement }) => {
    const region = wizard(canvasElement);
    await expect(await region.findByRole("alert")).toHaveTextContent("Could not load Jira import");
    await expect(region.getByRole("button", { name: "Connect to Jira" })).toBeVisible();
  },
};

/** A member: imports are admin-only, so no form, just why. */
export const Member: Story = {
  tags: ["screenshot"],
  parameters: jiraKit(undefined, { identity: fixtureIdentities.member }),
  play: async ({ canvasElement }) => {
    await expect(await wizard(canvasElement).findByRole("note")).toHaveTextContent(
      "Only admins can import from Jira.",
    );
  },
};

/** Jira refuses the token (checked with /myself): the server's message under it, still on step 1. */
export const ConnectRefused: Story = {
  tags: ["screenshot"],
  parameters: jiraKit(),
  play: async ({ canvasElement }) => {
    await connect(canvasElement, "wrong-token");
    const token = wizard(canvasElement).getByLabelText("API token");
    await waitFor(() =>
      expect(token).toHaveAccessibleDescription(/Jira refused the email and API token/),
    );
  },
};

/** A CSV export on its way up: the file and its size, an indeterminate bar. */
export const CsvUploading: Story = {
  tags: ["screenshot"],
  parameters: jiraKit(() => [
    http.post("*/api/plugboard/jira-import/sources/csv", async () => {
      await delay("infinite");
      return new HttpResponse(null, { status: 204 });
    }),
  ]),
  play: async ({ canvasElement }) => {
    const region = wizard(canvasElement);
    await userEvent.click(await region.findByRole("tab", { name: "CSV export" }));
    const file = new File(["Summary,Issue key\nFirst,ORB-1\n"], "orbit-export.csv", {
      type: "text/csv",
    });
    await userEvent.upload(region.getByLabelText("CSV file"), file);
    await userEvent.clear(region.getByLabelText("Time zone of the export"));
    await userEvent.type(region.getByLabelText("Time zone of the export"), "Europe/Berlin");
    await userEvent.click(region.getByRole("button", { name: "Upload" }));
    await expect(await region.findByRole("status")).toHaveTextContent("Uploading orbit-export.csv");
  },
};

/** Step 2: the Jira project, an optional JQL filter, the host project. */
export const Choose: Story = {
  tags: ["screenshot"],
  parameters: jiraKit(),
  play: async ({ canvasElement }) => {
    await choose(canvasElement);
    await userEvent.type(
      wizard(canvasElement).getByLabelText("JQL filter (optional)"),
      "updated >= -30d",
    );
  },
};

/** Step 3: suggested by status category, priority name and email; each one editable. */
export const MapValues: Story = {
  tags: ["screenshot"],
  parameters: jiraKit(),
  play: async ({ canvasElement }) => {
    await map(canvasElement);
    const region = wizard(canvasElement);
    await expect(region.getByRole("combobox", { name: "In Progress becomes" })).toHaveTextContent(
      "In Progress",
    );
    await expect(region.getByRole("combobox", { name: "Ada Lovelace becomes" })).toHaveTextContent(
      "Ada Lovelace",
    );
  },
};

/** Step 4: counts, unmapped values, warnings and a sample. Nothing written. */
export const DryRun: Story = {
  tags: ["screenshot"],
  parameters: jiraKit(),
  play: async ({ canvasElement }) => {
    await dryRun(canvasElement);
    await expect(wizard(canvasElement).getByRole("note")).toHaveTextContent(
      "Nothing has been written yet",
    );
  },
};

/** Step 5 under way: done of total, the step, the rate and the time left, and Cancel. */
export const Importing: Story = {
  tags: ["screenshot"],
  parameters: jiraKit((mock) => [
    // The simulated import finishes in a blink; this freezes it a third of the way.
    http.get("*/api/plugboard/jira-import/runs/:runId", async ({ request }) => {
      const run = await (await mock.handler(request)).json();
      return HttpResponse.json({
        ...run,
        status: "running",
        progress: { done: 9, total: 24, step: "issues", ratePerSecond: 3.2, etaSeconds: 5 },
      });
    }),
  ]),
  play: async ({ canvasElement }) => {
    await dryRun(canvasElement);
    const region = wizard(canvasElement);
    await userEvent.click(region.getByRole("button", { name: "Start import" }));
    const bar = await region.findByRole("progressbar", { name: "Import progress" });
    await waitFor(() => expect(bar).toHaveAttribute("aria-valuenow", "9"));
    await expect(region.getByRole("button", { name: "Cancel import" })).toBeEnabled();
  },
};

/** The report: links to the issues written, skipped items with reasons, Run again. */
export const Finished: Story = {
  tags: ["screenshot"],
  parameters: jiraKit(),
  play: async ({ canvasElement }) => {
    await imported(canvasElement);
    const issues = wizard(canvasElement).getByRole("region", { name: "Imported issues" });
    await expect(within(issues).getAllByRole("link").length).toBeGreaterThan(0);
  },
};

/** Run again: every issue updated, none created twice. */
export const ReRun: Story = {
  parameters: jiraKit(),
  play: async ({ canvasElement }) => {
    await imported(canvasElement);
    const region = wizard(canvasElement);
    await userEvent.click(region.getByRole("button", { name: "Run again" }));
    await waitFor(
      () => expect(region.getByText("Updated").nextElementSibling).toHaveTextContent("24"),
      { timeout: 20_000 },
    );
    await expect(region.getByText("Created").nextElementSibling).toHaveTextContent("0");
    // A new import starts from the connected source, no token asked again.
    await userEvent.click(region.getByRole("button", { name: "New import" }));
    await expect(await region.findByRole("button", { name: /^Continue with/ })).toBeVisible();
  },
};

/** The mapping at a width: each row's value and its Select fit. */
function layout(width: LayoutWidth): Story {
  return {
    globals: atWidth(width),
    parameters: jiraKit(),
    play: async ({ canvasElement }) => {
      await map(canvasElement);
      await expectFits(canvasElement.querySelector(".pb-jira-import") as HTMLElement);
    },
  };
}

export const Layout320 = layout(320);
export const Layout1280 = layout(1280);
