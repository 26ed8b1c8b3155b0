export * from "./seed";
export * from "./simulation";
