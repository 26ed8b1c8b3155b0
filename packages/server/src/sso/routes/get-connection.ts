import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { presentConnection } from "../connections";
import { connectionOr404 } from "./find-connection";

export const getSsoConnection = defineRoute({
  method: "GET",
  path: "/sso/connections/:connectionId",
  role: "admin",
  async handle({ identity, params, context }) {
    const record = await connectionOr404(
      context,
      identity.organizationId,
      params.connectionId ?? "",
    );
    return json(await presentConnection(context, record));
  },
});
