import { updateSsoConnectionSchema } from "@plugboard/core";
import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { presentConnection, updateConnection } from "../connections";
import { connectionOr404 } from "./find-connection";

/** Rename, enable or disable (`{ enabled }`), remap, or replace the protocol's settings. */
export const updateSsoConnection = defineRoute({
  method: "PATCH",
  path: "/sso/connections/:connectionId",
  role: "admin",
  body: updateSsoConnectionSchema,
  async handle({ identity, params, body, context }) {
    const existing = await connectionOr404(
      context,
      identity.organizationId,
      params.connectionId ?? "",
    );
    return json(await presentConnection(context, await updateConnection(context, existing, body)));
  },
});
