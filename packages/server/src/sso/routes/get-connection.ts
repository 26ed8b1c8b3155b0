import { ssoContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { presentConnection } from "../connections";
import { connectionOr404 } from "./find-connection";

export const getSsoConnection = implement(ssoContracts.getConnection, {
  async handle({ identity, params, context }) {
    return presentConnection(
      context,
      await connectionOr404(context, identity.organizationId, params.connectionId),
    );
  },
});
