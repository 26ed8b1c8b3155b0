import {
  createMockPlugboard,
  fixtureIdentities,
  fixtureJiraCloud,
  mockPlugboardHandlers,
} from "@plugboard/mocks";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { chooseOption } from "../test/choose-option";
import { renderWithPlugboard } from "../test/render";
import { server } from "../test/server";
import { JiraImport } from "./jira-import";

const mocks: ReturnType<typeof createMockPlugboard>[] = [];
afterEach(async () => {
  for (const mock of mocks.splice(0)) await mock.plugboard.worker.stop();
});

function mockKit(options: Parameters<typeof createMockPlugboard>[0] = {}) {
  const mock = createMockPlugboard({ jira: true, ...options });
  mocks.push(mock);
  server.use(...mockPlugboardHandlers(mock));
  return mock;
}

const wizard = () => screen.getByRole("region", { name: "Import from Jira" });

async function connectCloud(
  user: ReturnType<typeof userEvent.setup>,
  token = fixtureJiraCloud.apiToken,
) {
  const region = wizard();
  // The connect step shows its forms once the sources connected before are listed.
  await user.type(await within(region).findByLabelText("Site URL"), fixtureJiraCloud.siteUrl);
  await user.type(within(region).getByLabelText("Account email"), fixtureJiraCloud.email);
  await user.type(within(region).getByLabelText("API token"), token);
  await user.click(within(region).getByRole("button", { name: "Connect to Jira" }));
}

async function chooseProjects(user: ReturnType<typeof userEvent.setup>) {
  const region = wizard();
  await waitFor(() =>
    expect(within(region).getByRole("combobox", { name: "Jira project" })).toBeEnabled(),
  );
  await chooseOption(
    user,
    within(region).getByRole("combobox", { name: "Jira project" }),
    "Orbit (ORB)",
  );
  await chooseOption(user, within(region).getByRole("combobox", { name: "Import into" }), "Web");
  await user.click(within(region).getByRole("button", { name: "Next" }));
  await within(region).findByRole("heading", { name: /Map$/ });
}

/** A wizard connected to the simulated Jira Cloud, projects chosen, on the Map step. */
async function renderAtMapStep() {
  const mock = mockKit();
  const user = userEvent.setup();
  renderWithPlugboard(<JiraImport />, { pollInterval: 50 });
  await connectCloud(user);
  await within(wizard()).findByRole("heading", { name: /Choose$/ });
  await chooseProjects(user);
  return { mock, user, region: wizard() };
}

describe("JiraImport", () => {
  it("shows the server's field errors under each field, and Jira's refusal of a wrong token", async () => {
    mockKit();
    const user = userEvent.setup();
    renderWithPlugboard(<JiraImport />);
    const region = wizard();
    await user.click(await within(region).findByRole("button", { name: "Connect to Jira" }));
    await waitFor(() =>
      expect(within(region).getByLabelText("Site URL")).toHaveAttribute("aria-invalid", "true"),
    );
    expect(within(region).getByLabelText("API token")).toHaveAttribute("aria-invalid", "true");
    // The field errors say it all: no second, generic message beside them.
    expect(within(region).queryByRole("alert")).not.toBeInTheDocument();

    await connectCloud(user, "not-the-token");
    // Jira's refusal is about the token: it shows under that field.
    await waitFor(() =>
      expect(within(region).getByLabelText("API token")).toHaveAccessibleDescription(
        /Jira refused the email and API token/,
      ),
    );
    expect(within(region).getByRole("heading", { name: /Connect$/ })).toBeInTheDocument();
  });

  it("tells a member that only admins import, with no form to fill in", async () => {
    mockKit({ identity: fixtureIdentities.member });
    renderWithPlugboard(<JiraImport />);
    const region = wizard();
    expect(await within(region).findByRole("note")).toHaveTextContent(
      "Only admins can import from Jira.",
    );
    expect(within(region).queryByRole("button", { name: "Connect to Jira" })).toBeNull();
  });

  it("connects, maps with the suggestions, dry-runs without writing, imports, and re-runs without duplicates", async () => {
    const { mock, user, region } = await renderAtMapStep();

    // Statuses by category: Jira's "In Progress" lands in the host's started state.
    const statuses = within(region).getByRole("region", { name: "Statuses" });
    expect(
      within(statuses).getByRole("combobox", { name: "In Progress becomes" }),
    ).toHaveTextContent("In Progress");
    // People by email: Ada in Jira is Ada here.
    const people = within(region).getByRole("region", { name: "People" });
    expect(
      within(people).getByRole("combobox", { name: "Ada Lovelace becomes" }),
    ).toHaveTextContent("Ada Lovelace");
    await chooseOption(
      user,
      within(people).getByRole("combobox", { name: "Grace Hopper becomes" }),
      "Unassigned",
    );
    await user.click(within(region).getByRole("button", { name: "Dry run" }));

    await within(region).findByRole("heading", { name: /Dry run$/ });
    expect(within(region).getByRole("note")).toHaveTextContent("Nothing has been written yet");
    const issues = within(region).getByText("Issues").nextElementSibling;
    expect(issues).toHaveTextContent("24");
    expect(
      within(region).getByRole("region", { name: "Sample of converted issues" }),
    ).toHaveTextContent("ORB-1");
    expect(mock.host.issues()).toHaveLength(0);

    await user.click(within(region).getByRole("button", { name: "Start import" }));
    expect(
      await within(region).findByText("Import finished", {}, { timeout: 15_000 }),
    ).toBeInTheDocument();
    const imported = within(region).getByRole("region", { name: "Imported issues" });
    expect(within(imported).getAllByRole("link").length).toBeGreaterThan(0);
    const created = mock.host.issues();
    expect(created).toHaveLength(24);

    await user.click(within(region).getByRole("button", { name: "Run again" }));
    await waitFor(
      () =>
        expect(within(wizard()).getByText("Updated").nextElementSibling).toHaveTextContent("24"),
      { timeout: 15_000 },
    );
    expect(within(wizard()).getByText("Created").nextElementSibling).toHaveTextContent("0");
    expect(mock.host.issues()).toHaveLength(24);
  });

  it("shows a queued import with Cancel, which stops it before anything is written", async () => {
    const { mock, user, region } = await renderAtMapStep();
    await user.click(within(region).getByRole("button", { name: "Dry run" }));
    const start = await within(region).findByRole("button", { name: "Start import" });
    // No worker: the run waits in the queue, as behind other jobs.
    await mock.plugboard.worker.stop();
    await user.click(start);
    const bar = await within(region).findByRole("progressbar", { name: "Import progress" });
    expect(bar).not.toHaveAttribute("aria-valuenow");
    expect(within(region).getByText("Queued")).toBeInTheDocument();
    await user.click(within(region).getByRole("button", { name: "Cancel import" }));
    expect(await within(region).findByText("Import cancelled")).toBeVisible();
    expect(mock.host.issues()).toHaveLength(0);
  });

  it("imports only the issues changed in Jira since the last import", async () => {
    const { mock, user, region } = await renderAtMapStep();
    await user.click(within(region).getByRole("button", { name: "Dry run" }));
    await user.click(await within(region).findByRole("button", { name: "Start import" }));
    await within(region).findByText("Import finished", {}, { timeout: 15_000 });

    mock.jira.editIssue(9, {
      summary: "Renamed in Jira",
      updated: new Date(Date.now() + 60_000).toISOString().replace("Z", "+0000"),
    });
    await user.click(within(region).getByRole("button", { name: "Import changes only" }));
    await waitFor(
      () => expect(within(wizard()).getByText("Updated").nextElementSibling).toHaveTextContent("1"),
      { timeout: 15_000 },
    );
    const imported = within(wizard()).getByRole("region", { name: "Imported issues" });
    expect(within(imported).getAllByRole("link")).toHaveLength(1);
    expect(mock.host.issues().filter((issue) => issue.title === "Renamed in Jira")).toHaveLength(1);
  });
});
