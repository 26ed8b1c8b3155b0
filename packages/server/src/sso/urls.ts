/** The URLs an admin gives the IdP, built from the public origin and the mount path. */
export function serviceProviderUrls(origin: string, basePath: string, connectionId: string) {
  const base = `${origin}${basePath}/sso`;
  return {
    entityId: `${base}/saml/${connectionId}/metadata`,
    acsUrl: `${base}/saml/${connectionId}/acs`,
    metadataUrl: `${base}/saml/${connectionId}/metadata`,
    redirectUri: `${base}/oidc/callback`,
  };
}
