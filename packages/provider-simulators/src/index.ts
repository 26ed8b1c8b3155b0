export * from "./github";
export * from "./google";
export * from "./jira";
export * from "./msw";
export * from "./pumble";
export * from "./slack";
export * from "./slack-workspace";
