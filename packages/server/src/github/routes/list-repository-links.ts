import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { presentLink } from "../present";
import { projectIdOf } from "./project-query";

/** The repositories linked to one project. */
export const listRepositoryLinks = defineRoute({
  method: "GET",
  path: "/providers/github/links",
  async handle({ request, identity, context }) {
    const links = await context.store.github.listLinks(
      identity.organizationId,
      projectIdOf(request),
    );
    return json({ data: links.map(presentLink) });
  },
});
