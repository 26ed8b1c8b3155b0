export * from "./github";
export * from "./google";
export * from "./msw";
export * from "./slack";
export * from "./slack-workspace";
