import { createJiraCloudSourceSchema } from "@plugboard/core";
import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { importer, presentSource } from "./present";

/** Connects a Jira Cloud site: the token is checked with `/myself`, then kept encrypted. */
export const createCloudSource = defineRoute({
  method: "POST",
  path: "/jira-import/sources/cloud",
  role: "admin",
  body: createJiraCloudSourceSchema,
  async handle({ identity, body, context }) {
    const source = await importer(context).createCloudSource(identity, body);
    return json(presentSource(source), 201);
  },
});
