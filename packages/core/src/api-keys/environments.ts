import { z } from "zod";

/** Part of the key itself, so a test key pasted where a live one belongs is obvious on sight. */
export const apiKeyEnvironmentSchema = z.enum(["live", "test"]);
export type ApiKeyEnvironment = z.infer<typeof apiKeyEnvironmentSchema>;
