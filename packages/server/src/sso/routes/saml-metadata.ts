import { PlugboardError } from "@plugboard/core";
import { definePublicRoute } from "../../http/route";
import { samlClient } from "../saml/client";
import { serviceProviderUrls } from "../urls";

/** The service provider's metadata, for IdPs that import it. */
export const samlMetadata = definePublicRoute({
  method: "GET",
  path: "/sso/saml/:connectionId/metadata",
  auth: "none",
  async handle({ params, context }) {
    const connection = await context.store.sso.findConnection(params.connectionId ?? "");
    if (!connection?.saml)
      throw new PlugboardError({ code: "not_found", detail: "No such SAML connection" });
    const { options } = context.sso;
    const urls = serviceProviderUrls(options.origin, context.basePath, connection.id);
    const saml = await samlClient(connection.saml, urls, options);
    return new Response(saml.generateServiceProviderMetadata(null), {
      headers: { "content-type": "application/samlmetadata+xml; charset=utf-8" },
    });
  },
});
