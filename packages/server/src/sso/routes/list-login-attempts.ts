import { type SsoLoginAttemptList, ssoContracts } from "@plugboard/core";
import { implement } from "../../http/route";

/** Recent sign-ins, newest first, with the reason each refused one was refused. */
export const listSsoLoginAttempts = implement(ssoContracts.listLoginAttempts, {
  async handle({ query: { connectionId, limit }, identity, context }) {
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
    return body;
  },
});
