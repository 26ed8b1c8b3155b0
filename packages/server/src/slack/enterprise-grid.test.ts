import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { APP, installSlack, send, slackHarness, TEAM } from "./slack.test-harness";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const commands = `${APP}/providers/slack/commands`;

describe("Slack Enterprise Grid", () => {
  it("stores the enterprise id beside the team id, and finds the installation by either", async () => {
    const h = await slackHarness({ enterprise: { id: "E0ACME", name: "Acme Group" } });
    server.use(...h.slack.handlers);
    const installation = await installSlack(h);
    expect(installation).toMatchObject({
      externalAccountId: TEAM,
      externalEnterpriseId: "E0ACME",
    });

    // A command from the workspace itself: found by its team id.
    await send(
      h,
      h.workspace.command(commands, { teamId: TEAM, userId: "U0GRACE", text: "search Issue 13" }),
    );
    // A command naming another workspace of the same enterprise: found by the enterprise id.
    await send(
      h,
      h.workspace.command(commands, {
        teamId: "T0SISTER",
        enterpriseId: "E0ACME",
        userId: "U0GRACE",
        text: "search Issue 13",
      }),
    );
    const answers = h.workspace.messages.filter((message) => message.ephemeralTo === "U0GRACE");
    expect(answers).toHaveLength(2);
    for (const answer of answers) expect(answer.text).toContain("PLANE-13");

    // Another enterprise's workspace finds nothing, and nothing runs.
    const searches = h.host.calls.length;
    await send(
      h,
      h.workspace.command(commands, {
        teamId: "T0STRANGER",
        enterpriseId: "E0OTHER",
        userId: "U0GRACE",
        text: "search Issue 13",
      }),
    );
    expect(h.host.calls).toHaveLength(searches);
  });

  it("keeps no enterprise id for a workspace outside a Grid", async () => {
    const h = await slackHarness();
    server.use(...h.slack.handlers);
    const installation = await installSlack(h);
    expect(installation.externalEnterpriseId ?? null).toBeNull();
    expect(await h.store.installations.findByAccount("slack", "E0ACME")).toEqual([]);
  });
});
