import { definePublicRoute } from "../../http/route";
import { completeSamlLogin } from "../complete-login";

/** The IdP posts the SAMLResponse here (HTTP-POST binding). */
export const samlAssertionConsumer = definePublicRoute({
  method: "POST",
  path: "/sso/saml/:connectionId/acs",
  auth: "none",
  async handle({ request, params, context }) {
    return completeSamlLogin(context, request, params.connectionId ?? "");
  },
});
