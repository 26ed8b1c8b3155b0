export * from "./loopback";
export * from "./servers";
export * from "./web-listener";
