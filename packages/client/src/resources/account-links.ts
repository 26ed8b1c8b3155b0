import { accountLinkContracts as contracts } from "@plugboard/core";
import type { Call } from "../call";
import type { CallOptions } from "../transport";

/** Provider accounts (Slack members, Google accounts) linked to host users. */
export function accountLinksResource(call: Call) {
  return {
    /** The signed-in user's links, or (admins) the whole organization's. */
    list: (scope: "mine" | "organization" = "mine", options: CallOptions = {}) =>
      call(contracts.list, { query: { scope } }, options),
    unlink: (linkId: string, options: CallOptions = {}) =>
      call(contracts.remove, { params: { linkId } }, options),
  };
}
