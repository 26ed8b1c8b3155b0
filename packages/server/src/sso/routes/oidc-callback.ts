import { definePublicRoute } from "../../http/route";
import { completeOidcLogin } from "../complete-login";

export const oidcCallback = definePublicRoute({
  method: "GET",
  path: "/sso/oidc/callback",
  auth: "none",
  async handle({ request, context }) {
    return completeOidcLogin(context, request);
  },
});
