import { createSlackSimulation, type SlackSimulationOptions } from "@plugboard/provider-simulators";
import { expect } from "vitest";
import { contextOf } from "../context";
import { NOW, oauthHarness } from "../integrations/oauth/oauth.test-harness";

export const APP = "http://app.test/api/plugboard";
export const TEAM = "T0PLUGBRD";

/**
 * Plugboard with Slack configured against the msw simulation (both on one fake clock), installed
 * by ada (the admin), with grace's Slack user (U0GRACE) linked to usr_grace. Waits for 429s are
 * recorded instead of spent.
 */
export async function slackHarness(options: SlackSimulationOptions = {}) {
  const clock = { now: NOW };
  const slack = createSlackSimulation({ now: () => clock.now, ...options });
  const h = oauthHarness({
    now: () => clock.now,
    providers: {
      slack: {
        clientId: slack.clientId,
        clientSecret: slack.clientSecret,
        signingSecret: slack.workspace.signingSecret,
      },
    },
  });
  const waits: number[] = [];
  contextOf(h.plugboard).slack.wait = async (ms) => {
    waits.push(ms);
  };
  return { ...h, clock, slack, waits, workspace: slack.workspace };
}

export type SlackHarness = Awaited<ReturnType<typeof slackHarness>>;

/** Installs Slack from its card as ada, and links grace's Slack user to usr_grace. */
export async function installSlack(h: SlackHarness) {
  const authorize = await h.call("POST", "/api/plugboard/integrations/slack/authorize", {
    user: "ada",
    body: {},
  });
  const { url } = (await authorize.json()) as { url: string };
  expect((await h.call("GET", h.slack.approve(url), { user: "ada" })).status).toBe(200);
  await h.store.accountLinks.upsert({
    id: "acl_grace",
    organizationId: "org_acme",
    provider: "slack",
    externalUserId: "U0GRACE",
    externalAccountId: TEAM,
    externalUserName: "grace",
    userId: "usr_grace",
    createdAt: NOW,
  });
  const [installation] = await h.store.installations.list("org_acme");
  if (!installation) throw new Error("nothing was installed");
  return installation;
}

/** Sends a request the simulation built, then runs the jobs it queued (twice: jobs can queue jobs). */
export async function send(h: SlackHarness, request: Request | Promise<Request>) {
  const response = await h.plugboard.handler(await request);
  await h.plugboard.worker.runDue();
  return response;
}
