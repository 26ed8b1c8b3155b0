import { createMockPlugboard, fixtureIdentities, mockPlugboardHandlers } from "@plugboard/mocks";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { IntegrationCard } from "../integrations/integration-card";
import { renderWithPlugboard } from "../test/render";
import { server } from "../test/server";
import { SlackChannelSettings } from "./slack-channel-settings";

function mockKit(options: Parameters<typeof createMockPlugboard>[0] = {}) {
  const mock = createMockPlugboard(options);
  server.use(...mockPlugboardHandlers(mock));
  return mock;
}

/** The section once loaded (the loading one is another element). */
async function region() {
  const loaded = () => screen.getByRole("region", { name: "Slack notifications" });
  await waitFor(() => expect(loaded()).not.toHaveAttribute("aria-busy"));
  return loaded();
}

describe("SlackChannelSettings", () => {
  it("asks to connect Slack when it is not installed", async () => {
    mockKit();
    renderWithPlugboard(<SlackChannelSettings projectId="prj_web" />);
    expect(await within(await region()).findByRole("status")).toHaveTextContent(
      "Connect Slack to send this project's updates to a channel.",
    );
  });

  it("picks a channel from every page of the workspace's channels and saves the events", async () => {
    const mock = mockKit({ slack: "installed" });
    renderWithPlugboard(<SlackChannelSettings projectId="prj_web" />);
    const section = await region();
    expect(
      within(section).getByText("No channel yet: pick one to post this project's updates."),
    ).toBeInTheDocument();
    const select = await within(section).findByRole("combobox", { name: "Channel" });
    await waitFor(() => expect(select).toBeEnabled());
    await userEvent.click(select);
    const listbox = await screen.findByRole("listbox");
    expect(within(listbox).getAllByRole("option")).toHaveLength(4);
    expect(
      within(listbox).getByRole("option", { name: "#secret (invite the bot first)" }),
    ).toBeInTheDocument();
    await userEvent.click(within(listbox).getByRole("option", { name: "#eng" }));
    await userEvent.click(within(section).getByRole("checkbox", { name: "Comment added" }));
    await userEvent.click(within(section).getByRole("button", { name: "Save" }));

    expect(await within(section).findByText("Posting to #eng")).toBeInTheDocument();
    const stored = await mock.store.slack.getSettings("org_acme", "prj_web");
    expect(stored).toMatchObject({
      channelId: "C0ENG",
      channelName: "eng",
      events: ["issue.created", "issue.updated", "issue.completed", "comment.created"],
    });
  });

  it("shows Slack's not_in_channel error with what to do, and a test message reports again", async () => {
    const mock = mockKit({ slack: "channel-failing" });
    renderWithPlugboard(<SlackChannelSettings projectId="prj_web" />);
    const section = await region();
    const alert = await within(section).findByRole("alert");
    expect(alert).toHaveTextContent("Slack refused the last message: not_in_channel.");
    expect(alert).toHaveTextContent("Invite the Plugboard bot to the channel");

    // The bot gets invited; the test message now goes through.
    const secret = mock.slack.workspace.channels.find((channel) => channel.id === "C0SECRET");
    if (secret) secret.member = true;
    await userEvent.click(within(section).getByRole("button", { name: "Send test message" }));
    expect(await within(section).findByText(/Last message delivered/)).toBeInTheDocument();
    expect(within(section).queryByRole("alert")).not.toBeInTheDocument();
    expect(mock.slack.workspace.messages.map((message) => message.channel)).toEqual(["C0SECRET"]);
    // The test message heads the delivery log, as a webhook endpoint's test does.
    const log = within(section).getByRole("list", { name: "Recent deliveries" });
    await waitFor(() =>
      expect(within(log).getAllByRole("listitem")[0]).toHaveTextContent(
        /Delivered.*Test message.*1 attempt/,
      ),
    );
  });

  it("shows the delivery log: each notification's status, attempts and Slack's last error", async () => {
    mockKit({ slack: "channel" });
    renderWithPlugboard(<SlackChannelSettings projectId="prj_web" />);
    const section = await region();
    const log = await within(section).findByRole("list", { name: "Recent deliveries" });
    const entries = within(log).getAllByRole("listitem");
    expect(entries.map((entry) => entry.getAttribute("data-state"))).toEqual([
      "delivered",
      "delivered",
    ]);
    // Newest first: the change went through on its second attempt, after Slack answered 503.
    expect(entries[0]).toHaveTextContent(/Issue changed.*2 attempts · http_503/);
    expect(entries[1]).toHaveTextContent(/Issue created.*1 attempt ·/);
  });

  it("stops the project's notifications", async () => {
    const mock = mockKit({ slack: "channel" });
    renderWithPlugboard(<SlackChannelSettings projectId="prj_web" />);
    const section = await region();
    await within(section).findByText("Posting to #eng");
    await userEvent.click(within(section).getByRole("button", { name: "Stop notifications" }));
    expect(
      await within(section).findByText("No channel yet: pick one to post this project's updates."),
    ).toBeInTheDocument();
    expect(await mock.store.slack.getSettings("org_acme", "prj_web")).toBeNull();
  });

  it("shows a member where notifications go, without the form", async () => {
    mockKit({ slack: "channel", identity: fixtureIdentities.member });
    renderWithPlugboard(<SlackChannelSettings projectId="prj_web" />);
    const section = await region();
    expect(await within(section).findByText("Posting to #eng")).toBeInTheDocument();
    expect(
      within(section).getByText("Only admins can change where notifications go."),
    ).toBeInTheDocument();
    expect(within(section).queryByRole("combobox")).not.toBeInTheDocument();
  });
});

describe("The Slack card", () => {
  it("names the workspace once connected, and says when the app was removed from it", async () => {
    mockKit({ slack: "disconnected" });
    renderWithPlugboard(<IntegrationCard provider="slack" />);
    const card = await screen.findByRole("article", { name: "Slack" });
    expect(await within(card).findByText("Needs reconnect")).toBeInTheDocument();
    expect(
      within(card).getByText(
        "Slack was removed from your workspace. Reconnect it to turn it back on.",
      ),
    ).toBeInTheDocument();
    expect(within(card).getByText(/Acme Inc/)).toBeInTheDocument();
    expect(within(card).getByRole("button", { name: /Reconnect/ })).toBeInTheDocument();
  });
});
