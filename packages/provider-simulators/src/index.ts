export * from "./github";
export * from "./google";
export * from "./slack";
