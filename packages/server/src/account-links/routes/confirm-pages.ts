import type { CatalogEntry } from "@plugboard/core";
import { escapeHtml, htmlPageResponse } from "../../http/html-page";
import type { AccountLinkIntentRecord } from "../store/types";

export function providerName(catalog: readonly CatalogEntry[], provider: string): string {
  return catalog.find((entry) => entry.id === provider)?.name ?? "the integration";
}

export function who(intent: AccountLinkIntentRecord): string {
  return intent.externalUserName ?? intent.externalUserId;
}

export function messagePage(heading: string, text: string, status: number): Response {
  return htmlPageResponse({
    heading,
    body: `<p>${escapeHtml(text)}</p>`,
    status,
    role: status >= 400 ? "alert" : "status",
    // The URL carries the one-time token: never pass it on.
    headers: { "referrer-policy": "no-referrer" },
  });
}

export function confirmPage(name: string, intent: AccountLinkIntentRecord, token: string) {
  return htmlPageResponse({
    heading: `Connect your ${name} account`,
    body: `<p>Actions of ${escapeHtml(name)} user ${escapeHtml(who(intent))} will run as you in this workspace.</p>
<form method="post">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<button type="submit">Connect account</button>
</form>`,
    status: 200,
    role: "status",
    allowForm: true,
    // The URL carries the one-time token: never pass it to another site. Not `no-referrer`: under
    // it browsers send `Origin: null` with the form's POST, and the same-origin check refuses it.
    headers: { "referrer-policy": "same-origin" },
  });
}
