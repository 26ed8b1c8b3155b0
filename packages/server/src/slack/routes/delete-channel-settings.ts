import { PlugboardError } from "@plugboard/core";
import { noContent } from "../../http/responses";
import { defineRoute } from "../../http/route";

/** Stops the project's Slack notifications. */
export const deleteSlackChannelSettings = defineRoute({
  method: "DELETE",
  path: "/providers/slack/projects/:projectId/channel",
  role: "admin",
  async handle({ params, identity, context }) {
    const deleted = await context.store.slack.deleteSettings(
      identity.organizationId,
      params.projectId ?? "",
    );
    if (!deleted) {
      throw new PlugboardError({ code: "not_found", detail: "This project has no Slack channel" });
    }
    return noContent();
  },
});
