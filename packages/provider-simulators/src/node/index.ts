export * from "./loopback";
export * from "./oidc/oidc-idp";
export * from "./pumble-server";
export * from "./saml/certificate";
export * from "./saml/response";
export * from "./saml/saml-idp";
export * from "./servers";
export * from "./web-listener";
