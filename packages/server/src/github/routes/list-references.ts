import { PlugboardError } from "@plugboard/core";
import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { presentReference } from "../present";
import { projectIdOf } from "./project-query";

/** Recent pull requests and commits of one project's linked repositories that mention issues. */
export const listGitHubReferences = defineRoute({
  method: "GET",
  path: "/providers/github/references",
  async handle({ request, identity, context }) {
    const limitParam = new URL(request.url).searchParams.get("limit") ?? "20";
    const limit = Number(limitParam);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      throw new PlugboardError({
        code: "validation_failed",
        detail: "limit must be a whole number from 1 to 100",
        errors: [{ path: "limit", message: "From 1 to 100" }],
      });
    }
    const references = await context.store.github.listReferences(
      identity.organizationId,
      projectIdOf(request),
      limit,
    );
    return json({ data: references.map(presentReference) });
  },
});
