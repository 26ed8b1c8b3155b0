import { type SsoConnectionList, ssoContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { presentConnection } from "../connections";

export const listSsoConnections = implement(ssoContracts.listConnections, {
  async handle({ identity, context }) {
    const records = await context.store.sso.listConnections(identity.organizationId);
    const body: SsoConnectionList = {
      data: await Promise.all(records.map((record) => presentConnection(context, record))),
    };
    return body;
  },
});
