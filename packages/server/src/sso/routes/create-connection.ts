import { ssoContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { createConnection, presentConnection } from "../connections";

export const createSsoConnection = implement(ssoContracts.createConnection, {
  async handle({ identity, body, context }) {
    return presentConnection(
      context,
      await createConnection(context, identity.organizationId, body),
    );
  },
});
