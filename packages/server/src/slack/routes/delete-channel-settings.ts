import { PlugboardError, slackContracts } from "@plugboard/core";
import { implement } from "../../http/route";

/** Stops the project's Slack notifications. */
export const deleteSlackChannelSettings = implement(slackContracts.removeChannelSettings, {
  async handle({ params, identity, context }) {
    const deleted = await context.store.slack.deleteSettings(
      identity.organizationId,
      params.projectId,
    );
    if (!deleted) {
      throw new PlugboardError({ code: "not_found", detail: "This project has no Slack channel" });
    }
  },
});
