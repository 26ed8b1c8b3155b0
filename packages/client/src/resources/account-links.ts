import { accountLinkRoutes as routes } from "@plugboard/core/routes";
import type { Call } from "../call";
import type { CallOptions } from "../transport";

/** Provider accounts (Slack members, Google accounts) linked to host users. */
export function accountLinksResource(call: Call) {
  return {
    /** The signed-in user's links, or (admins) the whole organization's. */
    list: (scope: "mine" | "organization" = "mine", options: CallOptions = {}) =>
      call(routes.list, { query: { scope } }, options),
    unlink: (linkId: string, options: CallOptions = {}) =>
      call(routes.remove, { params: { linkId } }, options),
  };
}
