import { createSsoConnectionSchema } from "@plugboard/core";
import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { createConnection, presentConnection } from "../connections";

export const createSsoConnection = defineRoute({
  method: "POST",
  path: "/sso/connections",
  role: "admin",
  body: createSsoConnectionSchema,
  async handle({ identity, body, context }) {
    const record = await createConnection(context, identity.organizationId, body);
    return json(await presentConnection(context, record), 201);
  },
});
