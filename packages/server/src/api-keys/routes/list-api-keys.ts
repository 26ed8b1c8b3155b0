import { type ApiKeyList, apiKeyContracts, grantableScopes } from "@plugboard/core";
import { implement } from "../../http/route";
import { assertMayManageKeys } from "./access";
import { presentApiKey } from "./present";

/** Admins see every key of the organization, members their own; newest first. */
export const listApiKeys = implement(apiKeyContracts.list, {
  async handle({ identity, context }) {
    assertMayManageKeys(context, identity);
    const records = await context.store.apiKeys.list(
      identity.organizationId,
      identity.role === "admin" ? {} : { createdBy: identity.userId },
    );
    const now = context.now();
    const body: ApiKeyList = {
      data: records.map((record) => presentApiKey(record, now)),
      grantableScopes: grantableScopes(identity.role),
    };
    return body;
  },
});
