import { createId } from "@plugboard/core";
import { readBody } from "../../http/body";
import { definePublicRoute } from "../../http/route";
import { allowedOrigins, hashState } from "../../integrations/oauth/origins";
import { confirmPage, messagePage, providerName, who } from "./confirm-pages";

const signInFirst = "Sign in to the app in this browser, then open the link again.";
const expired = "This link expired or was already used. Ask again from the app that sent it.";

/**
 * The link a provider user was sent. Opened while signed in to the host app, it shows whom it
 * links and a button; without a session it asks to sign in first. Nothing changes on GET.
 */
export const showAccountLinkConfirmation = definePublicRoute({
  method: "GET",
  path: "/account-links/confirm",
  auth: "optional",
  async handle({ request, identity, context }) {
    const token = new URL(request.url).searchParams.get("token") ?? "";
    const intent = token
      ? await context.store.accountLinks.peekIntent(await hashState(token))
      : null;
    if (!intent || intent.expiresAt <= context.now()) {
      return messagePage("This link does not work", expired, 400);
    }
    const name = providerName(context.catalog, intent.provider);
    if (!identity) return messagePage(`Connect your ${name} account`, signInFirst, 401);
    if (identity.organizationId !== intent.organizationId) {
      return messagePage(
        "This link is for another workspace",
        "Switch to the workspace the link was sent from, then open it again.",
        403,
      );
    }
    return confirmPage(name, intent, token);
  },
});

/**
 * The confirmation: only from the page above (same origin, so another site cannot link its own
 * provider user to a visitor's account), once, before it expires, by a signed-in user of the
 * organization the link was made for.
 */
export const confirmAccountLink = definePublicRoute({
  method: "POST",
  path: "/account-links/confirm",
  auth: "optional",
  async handle({ request, identity, context }) {
    const origin = request.headers.get("origin");
    if (
      !origin ||
      !allowedOrigins(context, request).concat(new URL(request.url).origin).includes(origin)
    ) {
      return messagePage(
        "This link does not work",
        "Open the link itself, then confirm there.",
        403,
      );
    }
    if (!identity) return messagePage("Connect your account", signInFirst, 401);
    const token = (await readBody(request, context.maxBodyBytes)).form?.get("token") ?? "";
    const intent = token
      ? await context.store.accountLinks.consumeIntent(await hashState(token))
      : null;
    if (!intent || intent.expiresAt <= context.now()) {
      return messagePage("This link does not work", expired, 400);
    }
    if (identity.organizationId !== intent.organizationId) {
      return messagePage(
        "This link is for another workspace",
        "Switch to the workspace the link was sent from, then ask for a new link.",
        403,
      );
    }
    await context.store.accountLinks.upsert({
      id: createId("acl"),
      organizationId: intent.organizationId,
      provider: intent.provider,
      externalUserId: intent.externalUserId,
      externalAccountId: intent.externalAccountId,
      externalUserName: intent.externalUserName,
      userId: identity.userId,
      createdAt: context.now(),
    });
    const name = providerName(context.catalog, intent.provider);
    return messagePage(
      "Account connected",
      `Actions of ${name} user ${who(intent)} now run as you. You can close this page.`,
      200,
    );
  },
});
