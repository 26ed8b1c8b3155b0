import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  APP,
  installSlack,
  type SlackHarness,
  send,
  slackHarness,
  TEAM,
} from "./slack.test-harness";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function setup(): Promise<SlackHarness> {
  const h = await slackHarness();
  server.use(...h.slack.handlers);
  await installSlack(h);
  return h;
}

const commands = `${APP}/providers/slack/commands`;
const interactions = `${APP}/providers/slack/interactions`;

/** The create modal's state as Slack sends it on submission. */
function submission(values: {
  title: string;
  projectId?: string;
  priority?: string;
  assignee?: string;
}) {
  return {
    type: "view_submission",
    team: { id: TEAM },
    user: { id: "U0GRACE", username: "grace" },
    view: {
      callback_id: "plugboard.create_issue",
      private_metadata: JSON.stringify({ channelId: "C0GENERAL" }),
      state: {
        values: {
          project: {
            value: {
              type: "static_select",
              selected_option: { value: values.projectId ?? "prj_web" },
            },
          },
          title: { value: { type: "plain_text_input", value: values.title } },
          description: { value: { type: "plain_text_input", value: "From Slack" } },
          priority: {
            value: {
              type: "static_select",
              selected_option: values.priority ? { value: values.priority } : null,
            },
          },
          assignee: { value: { type: "users_select", selected_user: values.assignee ?? null } },
        },
      },
    },
  };
}

const created = (h: SlackHarness) =>
  h.host.calls.filter((entry) => entry.capability === "issues.create");

describe("/plugboard create", () => {
  it("opens the create modal with the title prefilled, for a linked user", async () => {
    const h = await setup();
    await send(
      h,
      h.workspace.command(commands, {
        teamId: TEAM,
        userId: "U0GRACE",
        text: "create Fix the login page",
      }),
    );

    expect(h.workspace.views).toHaveLength(1);
    const view = h.workspace.views[0]?.view as {
      callback_id: string;
      blocks: { block_id: string; element: { initial_value?: string } }[];
    };
    expect(view.callback_id).toBe("plugboard.create_issue");
    expect(view.blocks.find((block) => block.block_id === "title")?.element.initial_value).toBe(
      "Fix the login page",
    );
    // The projects were listed as grace, not as the installer.
    expect(h.host.calls.find((entry) => entry.capability === "projects.list")?.call.actor).toEqual({
      userId: "usr_grace",
    });
  });

  it("answers an unlinked Slack user with an ephemeral Connect your account link, and runs nothing", async () => {
    const h = await setup();
    await send(
      h,
      h.workspace.command(commands, { teamId: TEAM, userId: "U0STRANGER", text: "create Sneaky" }),
    );

    expect(h.workspace.views).toEqual([]);
    expect(h.host.calls).toEqual([]);
    const [answer] = h.workspace.messages;
    expect(answer).toMatchObject({
      ephemeralTo: "U0STRANGER",
      text: "Connect your account to use Plugboard from Slack",
    });
    const button = JSON.stringify(answer?.blocks);
    expect(button).toContain("http://app.test/api/plugboard/account-links/confirm?token=");
  });

  it("cannot open a modal once the 3-second trigger_id has expired: it says so, ephemerally", async () => {
    const h = await setup();
    await h.plugboard.handler(
      await h.workspace.command(commands, { teamId: TEAM, userId: "U0GRACE", text: "create Late" }),
    );
    h.clock.now += 3500;
    await h.plugboard.worker.runDue();

    expect(h.workspace.views).toEqual([]);
    expect(h.workspace.messages.at(-1)?.text).toContain("expired_trigger_id");
  });

  it("uses a trigger_id once: a second modal on the same trigger is refused by Slack", async () => {
    const h = await setup();
    const trigger = h.workspace.trigger();
    const first = await fetch("https://slack.com/api/views.open", {
      method: "POST",
      headers: { authorization: `Bearer ${h.slack.issued[0]}`, "content-type": "application/json" },
      body: JSON.stringify({ trigger_id: trigger, view: {} }),
    });
    const second = await fetch("https://slack.com/api/views.open", {
      method: "POST",
      headers: { authorization: `Bearer ${h.slack.issued[0]}`, "content-type": "application/json" },
      body: JSON.stringify({ trigger_id: trigger, view: {} }),
    });
    expect(await first.json()).toMatchObject({ ok: true });
    expect(await second.json()).toEqual({ ok: false, error: "exchanged_trigger_id" });
  });

  it("creates the issue as the linked user on submission, and posts it in the channel", async () => {
    const h = await setup();
    const response = await send(
      h,
      h.workspace.interaction(
        interactions,
        submission({ title: "Broken export", priority: "high" }),
      ),
    );

    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
    expect(created(h)).toHaveLength(1);
    expect(created(h)[0]?.call).toEqual({
      organizationId: "org_acme",
      actor: { userId: "usr_grace" },
    });
    expect(created(h)[0]?.args[0]).toMatchObject({
      projectId: "prj_web",
      title: "Broken export",
      priority: "high",
      description: "From Slack",
    });
    const posted = h.workspace.messages.find(
      (message) => message.channel === "C0GENERAL" && !message.ephemeralTo,
    );
    expect(posted?.text).toBe("PLANE-4 Broken export (Todo)");
    const [kept] = [await h.store.slack.findIssueMessage("org_acme", "iss_4", "C0GENERAL")];
    expect(kept?.ts).toBe(posted?.ts);
  });

  it("assigns the chosen Slack user's linked host user, and nobody for an unlinked one", async () => {
    const h = await setup();
    await send(
      h,
      h.workspace.interaction(interactions, submission({ title: "Mine", assignee: "U0GRACE" })),
    );
    await send(
      h,
      h.workspace.interaction(
        interactions,
        submission({ title: "Nobody's", assignee: "U0STRANGER" }),
      ),
    );
    expect(
      created(h).map((entry) => (entry.args[0] as { assigneeId?: string }).assigneeId),
    ).toEqual(["usr_grace", undefined]);
  });

  it("prefills the modal from a message with the message shortcut", async () => {
    const h = await setup();
    await send(
      h,
      h.workspace.interaction(interactions, {
        type: "message_action",
        callback_id: "plugboard.create_from_message",
        team: { id: TEAM },
        user: { id: "U0GRACE" },
        channel: { id: "C0ENG" },
        message: {
          ts: "1764000000.000100",
          text: "Checkout fails on Safari\nSteps: open cart, pay",
        },
      }),
    );
    const view = h.workspace.views[0]?.view as {
      blocks: { block_id: string; element: { initial_value?: string } }[];
      private_metadata: string;
    };
    expect(view.blocks.find((block) => block.block_id === "title")?.element.initial_value).toBe(
      "Checkout fails on Safari",
    );
    expect(
      view.blocks.find((block) => block.block_id === "description")?.element.initial_value,
    ).toContain("Steps: open cart");
    expect(JSON.parse(view.private_metadata)).toEqual({
      channelId: "C0ENG",
      threadTs: "1764000000.000100",
    });
  });
});

describe("/plugboard search", () => {
  it("answers with the matching issues, ephemerally, searched as the linked user", async () => {
    const h = await setup();
    await send(
      h,
      h.workspace.command(commands, { teamId: TEAM, userId: "U0GRACE", text: "search Issue 13" }),
    );
    const [answer] = h.workspace.messages;
    expect(answer?.ephemeralTo).toBe("U0GRACE");
    expect(answer?.text).toContain("<https://tracker.test/issues/PLANE-13|PLANE-13> Issue 13");
    expect(h.host.calls.find((entry) => entry.capability === "issues.search")?.call.actor).toEqual({
      userId: "usr_grace",
    });
  });
});

describe("Buttons and selects on issue messages", () => {
  async function postedIssue(h: SlackHarness) {
    await send(h, h.workspace.interaction(interactions, submission({ title: "Buttons" })));
    const message = h.workspace.messages.find(
      (candidate) => candidate.channel === "C0GENERAL" && !candidate.ephemeralTo,
    );
    if (!message) throw new Error("no message");
    return message;
  }

  const press = (message: { ts: string }, action: Record<string, unknown>, user = "U0GRACE") => ({
    type: "block_actions",
    team: { id: TEAM },
    user: { id: user },
    channel: { id: "C0GENERAL" },
    message: { ts: message.ts },
    actions: [action],
  });

  it("changes the status as the linked user and edits the message in place", async () => {
    const h = await setup();
    const message = await postedIssue(h);
    await send(
      h,
      h.workspace.interaction(
        interactions,
        press(message, {
          action_id: "plugboard.status",
          selected_option: { value: "PLANE-4|st_done" },
        }),
      ),
    );

    const update = h.host.calls.find((entry) => entry.capability === "issues.update");
    expect(update?.call.actor).toEqual({ userId: "usr_grace" });
    expect(update?.args).toEqual(["iss_4", { stateId: "st_done" }]);
    expect(h.workspace.message("C0GENERAL", message.ts)).toMatchObject({
      edits: 1,
      text: "PLANE-4 Buttons (Done)",
    });
  });

  it("assigns to me and sets the priority", async () => {
    const h = await setup();
    const message = await postedIssue(h);
    await send(
      h,
      h.workspace.interaction(
        interactions,
        press(message, { action_id: "plugboard.assign_me", value: "PLANE-4" }),
      ),
    );
    await send(
      h,
      h.workspace.interaction(
        interactions,
        press(message, {
          action_id: "plugboard.priority",
          selected_option: { value: "PLANE-4|urgent" },
        }),
      ),
    );
    const updates = h.host.calls
      .filter((entry) => entry.capability === "issues.update")
      .map((entry) => entry.args[1]);
    expect(updates).toEqual([{ assigneeId: "usr_grace" }, { priority: "urgent" }]);
    expect(h.workspace.message("C0GENERAL", message.ts)?.edits).toBe(2);
  });

  it("opens a comment modal, and adds the comment as the linked user on submission", async () => {
    const h = await setup();
    const message = await postedIssue(h);
    await send(
      h,
      h.workspace.interaction(
        interactions,
        press(message, { action_id: "plugboard.comment", value: "PLANE-4" }),
      ),
    );
    const view = h.workspace.views.at(-1)?.view as {
      callback_id: string;
      private_metadata: string;
    };
    expect(view.callback_id).toBe("plugboard.comment");
    await send(
      h,
      h.workspace.interaction(interactions, {
        type: "view_submission",
        team: { id: TEAM },
        user: { id: "U0GRACE" },
        view: {
          callback_id: "plugboard.comment",
          private_metadata: view.private_metadata,
          state: { values: { body: { value: { type: "plain_text_input", value: "Looks good" } } } },
        },
      }),
    );
    const comment = h.host.calls.find((entry) => entry.capability === "comments.create");
    expect(comment?.call.actor).toEqual({ userId: "usr_grace" });
    expect(comment?.args[0]).toEqual({ issueId: "iss_4", body: "Looks good" });
  });

  it("changes nothing for an unlinked user who presses a button", async () => {
    const h = await setup();
    const message = await postedIssue(h);
    await send(
      h,
      h.workspace.interaction(
        interactions,
        press(message, { action_id: "plugboard.assign_me", value: "PLANE-4" }, "U0STRANGER"),
      ),
    );
    expect(h.host.calls.filter((entry) => entry.capability === "issues.update")).toEqual([]);
    expect(h.workspace.messages.at(-1)).toMatchObject({ ephemeralTo: "U0STRANGER" });
  });
});
