export * from "./pull-requests";
export * from "./repositories";
export * from "./simulation";
export * from "./webhooks";
