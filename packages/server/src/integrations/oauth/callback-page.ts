import type { OAuthMessage } from "@plugboard/core";
import { openerPageResponse } from "../../http/opener-page";

export interface CallbackPage {
  message: OAuthMessage;
  /** Exact origin for postMessage; never "*". */
  targetOrigin: string;
  heading: string;
  text: string;
  status: number;
}

/**
 * The page the provider redirects the popup to: it posts the result to the opener at one exact
 * origin and closes.
 */
export function callbackPageResponse(page: CallbackPage): Response {
  return openerPageResponse({
    ...page,
    role: page.message.status === "error" ? "alert" : "status",
  });
}
