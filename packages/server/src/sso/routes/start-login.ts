import { ssoLoginQuerySchema } from "@plugboard/core";
import { readQuery } from "../../http/query";
import { definePublicRoute } from "../../http/route";
import { startLogin } from "../start-login";

/** `?email=alice@acme.test&returnTo=/projects`, or `?connection=ssoc_…`: redirects to the IdP. */
export const startSsoLogin = definePublicRoute({
  method: "GET",
  path: "/sso/login",
  auth: "none",
  async handle({ request, context }) {
    return startLogin(context, request, readQuery(request, ssoLoginQuerySchema));
  },
});
