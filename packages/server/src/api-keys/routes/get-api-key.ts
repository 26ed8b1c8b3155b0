import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import { findManagedKey } from "./access";
import { presentApiKey } from "./present";

export const getApiKey = defineRoute({
  method: "GET",
  path: "/api-keys/:keyId",
  async handle({ params, identity, context }) {
    const record = await findManagedKey(context, identity, params.keyId ?? "");
    return json(presentApiKey(record, context.now()));
  },
});
