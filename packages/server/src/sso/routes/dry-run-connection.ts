import { ssoContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { returnOriginOf } from "../../integrations/oauth/origins";
import { sealTestTicket } from "../dry-run";
import { connectionOr404 } from "./find-connection";

/**
 * Test connection: a login URL for the admin's popup. The sealed ticket names the connection and
 * the admin page's exact origin (its `Origin` header, which must be an allowed app origin).
 */
export const testSsoConnection = implement(ssoContracts.testConnection, {
  async handle({ request, identity, params, context }) {
    const connection = await connectionOr404(context, identity.organizationId, params.connectionId);
    const { ticket, expiresAt } = await sealTestTicket(context, {
      connectionId: connection.id,
      organizationId: connection.organizationId,
      returnOrigin: returnOriginOf(context, request),
    });
    const url = new URL(`${context.sso.options.origin}${context.basePath}/sso/login`);
    url.searchParams.set("test", ticket);
    return { url: url.toString(), expiresAt: new Date(expiresAt).toISOString() };
  },
});
