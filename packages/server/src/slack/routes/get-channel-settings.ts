import { PlugboardError, slackContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { presentSettings } from "../channels";

/** Where the project's notifications go, and how the last one went. */
export const getSlackChannelSettings = implement(slackContracts.channelSettings, {
  async handle({ params, identity, context }) {
    const found = await context.store.slack.getSettings(identity.organizationId, params.projectId);
    if (!found) {
      throw new PlugboardError({ code: "not_found", detail: "This project has no Slack channel" });
    }
    return presentSettings(found);
  },
});
