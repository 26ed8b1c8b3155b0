import { slackContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { listChannels, requireSlackInstallation } from "../channels";

/** The workspace's channels for the picker, every page of conversations.list. */
export const listSlackChannels = implement(slackContracts.channels, {
  async handle({ identity, context }) {
    const installation = await requireSlackInstallation(context, identity.organizationId);
    return { data: await listChannels(context, installation) };
  },
});
