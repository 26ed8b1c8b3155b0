import { HttpResponse, http } from "msw";
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
const requested: string[] = [];
beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  server.events.on("request:start", ({ request }) => {
    requested.push(request.url);
  });
});
afterEach(() => {
  server.resetHandlers();
  requested.length = 0;
});
afterAll(() => server.close());

const interactions = `${APP}/providers/slack/interactions`;

async function setup(): Promise<SlackHarness> {
  const h = await slackHarness();
  server.use(...h.slack.handlers);
  await installSlack(h);
  return h;
}

/** An unlinked user presses a button: the answer ("Connect your account") goes to `responseUrl`. */
function press(h: SlackHarness, responseUrl: string) {
  return h.workspace.interaction(interactions, {
    type: "block_actions",
    team: { id: TEAM },
    user: { id: "U0STRANGER" },
    channel: { id: "C0GENERAL" },
    message: { ts: "1764000000.000100" },
    actions: [{ action_id: "plugboard.assign_me", value: "PLANE-4" }],
    response_url: responseUrl,
  });
}

const answers = (h: SlackHarness) =>
  h.workspace.messages.filter((message) => message.ephemeralTo === "U0STRANGER");
const ephemeralCalls = (h: SlackHarness) =>
  h.workspace.calls.filter((call) => call.method === "chat.postEphemeral");

describe("response_url", () => {
  it.each([
    "https://evil.test/hooks/T0PLUGBRD",
    "https://hooks.slack.com.evil.test/commands/1",
    "http://169.254.169.254/latest/meta-data",
    "http://127.0.0.1:6379/",
    "not a url",
  ])(
    "is never followed outside Slack (%s): the bot answers through the Web API instead",
    async (url) => {
      const h = await setup();
      requested.length = 0;
      await send(h, press(h, url));
      // Only Slack's Web API (the simulator at providers.slack.baseUrl) was called.
      for (const request of requested) {
        expect(new URL(request).origin).toBe(new URL(h.slack.baseUrl).origin);
      }
      expect(ephemeralCalls(h)).toHaveLength(1);
      expect(answers(h)[0]?.text).toContain("Connect your account");
      expect(h.logger.warn).toHaveBeenCalledWith(
        "Ignored a response_url outside Slack",
        expect.anything(),
      );
    },
  );

  it("is followed to Slack's hooks host", async () => {
    const h = await setup();
    const posted: unknown[] = [];
    server.use(
      http.post("https://hooks.slack.com/actions/T0PLUGBRD/1/abc", async ({ request }) => {
        posted.push(await request.json());
        return new HttpResponse("ok", { headers: { "content-type": "text/plain" } });
      }),
    );
    await send(h, press(h, "https://hooks.slack.com/actions/T0PLUGBRD/1/abc"));
    expect(posted).toHaveLength(1);
    expect(ephemeralCalls(h)).toEqual([]);
  });

  it("takes 5 posts; the sixth answer goes through the Web API", async () => {
    const h = await setup();
    const url = h.workspace.responseUrl("U0STRANGER", "C0GENERAL");
    for (let count = 0; count < 6; count++) await send(h, press(h, url));
    expect(answers(h)).toHaveLength(6);
    // Slack's simulator refuses a sixth post with used_url: the app never tried one.
    const posts = requested.filter((request) => request === url);
    expect(posts).toHaveLength(5);
    expect(ephemeralCalls(h)).toHaveLength(1);
  });

  it("is not used 30 minutes after the request: the answer goes through the Web API", async () => {
    const h = await setup();
    const url = h.workspace.responseUrl("U0STRANGER", "C0GENERAL");
    // Acknowledged at once; the job runs late (a busy worker).
    expect((await h.plugboard.handler(await press(h, url))).status).toBe(200);
    h.clock.now += 30 * 60 * 1000;
    await h.plugboard.worker.runDue();
    expect(requested.filter((request) => request === url)).toEqual([]);
    expect(ephemeralCalls(h)).toHaveLength(1);
    expect(answers(h)).toHaveLength(1);
  });

  it("falls back to the Web API when Slack answers used_url (another worker used it up)", async () => {
    const h = await setup();
    const url = h.workspace.responseUrl("U0STRANGER", "C0GENERAL");
    for (let post = 0; post < 5; post++) {
      await fetch(url, { method: "POST", body: JSON.stringify({ text: "elsewhere" }) });
    }
    await send(h, press(h, url));
    expect(h.logger.warn).toHaveBeenCalledWith("Slack refused a response_url post", {
      status: 404,
      error: "used_url",
    });
    expect(ephemeralCalls(h)).toHaveLength(1);
    expect(answers(h).at(-1)?.text).toContain("Connect your account");
  });

  it("answers a modal's submission, which comes from no channel, in the user's direct messages with the app", async () => {
    const h = await setup();
    // An unlinked user submits the create-issue modal: no channel, no response_url.
    await send(
      h,
      h.workspace.interaction(interactions, {
        type: "view_submission",
        team: { id: TEAM },
        user: { id: "U0STRANGER" },
        view: {
          callback_id: "plugboard.create_issue",
          private_metadata: JSON.stringify({}),
          state: {
            values: {
              project: {
                value: { type: "static_select", selected_option: { value: "prj_web" } },
              },
              title: { value: { type: "plain_text_input", value: "From a modal" } },
            },
          },
        },
      }),
    );
    const direct = h.workspace.messages.filter((message) => message.directTo === "U0STRANGER");
    expect(direct).toHaveLength(1);
    expect(direct[0]?.text).toContain("Connect your account");
    expect(ephemeralCalls(h)).toHaveLength(0);
  });
});
