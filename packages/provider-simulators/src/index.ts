export * from "./github";
export * from "./google";
export * from "./msw";
export * from "./pkce";
export * from "./slack";
