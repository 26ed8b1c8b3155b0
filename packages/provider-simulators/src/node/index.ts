export * from "./loopback";
export * from "./saml/certificate";
export * from "./saml/response";
export * from "./servers";
export * from "./web-listener";
