import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { listChannels, requireSlackInstallation } from "../channels";

/** The workspace's channels for the picker, every page of conversations.list. */
export const listSlackChannels = defineRoute({
  method: "GET",
  path: "/providers/slack/channels",
  role: "admin",
  async handle({ identity, context }) {
    const installation = await requireSlackInstallation(context, identity.organizationId);
    return json({ data: await listChannels(context, installation) });
  },
});
