import { type SsoLoginAttemptList, ssoLoginAttemptQuerySchema } from "@plugboard/core";
import { readQuery } from "../../http/query";
import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";

/** Recent sign-ins, newest first, with the reason each refused one was refused. */
export const listSsoLoginAttempts = defineRoute({
  method: "GET",
  path: "/sso/login-attempts",
  role: "admin",
  async handle({ request, identity, context }) {
    const { connectionId, limit } = readQuery(request, ssoLoginAttemptQuerySchema);
    const records = await context.store.sso.listAttempts(identity.organizationId, {
      ...(connectionId === undefined ? {} : { connectionId }),
      limit,
    });
    const body: SsoLoginAttemptList = {
      data: records.map((record) => ({
        id: record.id,
        connectionId: record.connectionId,
        at: new Date(record.at).toISOString(),
        outcome: record.outcome,
        reason: record.reason,
        detail: record.detail,
        email: record.email,
      })),
    };
    return json(body);
  },
});
