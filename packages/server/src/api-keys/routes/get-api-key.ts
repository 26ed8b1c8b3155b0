import { apiKeyContracts } from "@plugboard/core";
import { implement } from "../../http/route";
import { findManagedKey } from "./access";
import { presentApiKey } from "./present";

export const getApiKey = implement(apiKeyContracts.get, {
  async handle({ params, identity, context }) {
    const record = await findManagedKey(context, identity, params.keyId);
    return presentApiKey(record, context.now());
  },
});
