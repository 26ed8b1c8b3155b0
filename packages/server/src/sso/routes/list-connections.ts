import type { SsoConnectionList } from "@plugboard/core";
import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { presentConnection } from "../connections";

export const listSsoConnections = defineRoute({
  method: "GET",
  path: "/sso/connections",
  role: "admin",
  async handle({ identity, context }) {
    const records = await context.store.sso.listConnections(identity.organizationId);
    const body: SsoConnectionList = {
      data: await Promise.all(records.map((record) => presentConnection(context, record))),
    };
    return json(body);
  },
});
