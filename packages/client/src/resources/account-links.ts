import { accountLinkListSchema } from "@plugboard/core";
import type { CallOptions, Transport } from "../transport";

/** Provider accounts (Slack members, Google accounts) linked to host users. */
export function accountLinksResource(call: Transport) {
  return {
    /** The signed-in user's links, or (admins) the whole organization's. */
    list: (scope: "mine" | "organization" = "mine", options: CallOptions = {}) =>
      call({
        method: "get",
        path: `account-links?scope=${scope}`,
        schema: accountLinkListSchema,
        ...options,
      }),
    unlink: (linkId: string, options: CallOptions = {}) =>
      call<void>({
        method: "delete",
        path: `account-links/${encodeURIComponent(linkId)}`,
        ...options,
      }),
  };
}
