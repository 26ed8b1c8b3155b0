import { ssoContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { presentConnection, updateConnection } from "../connections";
import { connectionOr404 } from "./find-connection";

/** Rename, enable or disable (`{ enabled }`), remap, or replace the protocol's settings. */
export const updateSsoConnection = implement(ssoContracts.updateConnection, {
  async handle({ identity, params, body, context }) {
    const existing = await connectionOr404(context, identity.organizationId, params.connectionId);
    return presentConnection(context, await updateConnection(context, existing, body));
  },
});
