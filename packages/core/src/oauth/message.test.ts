import { describe, expect, it } from "vitest";
import { oauthMessageSchema } from "../schemas/oauth";
import { isOAuthMessage, oauthMessageType } from "./message";

const success = {
  type: oauthMessageType,
  status: "success",
  provider: "github",
  integrationId: "i1",
};
const failure = {
  type: oauthMessageType,
  status: "error",
  provider: "github",
  error: "access_denied",
  message: "You declined the installation.",
};

describe("isOAuthMessage, the opener's oauthMessageSchema", () => {
  it.each([
    ["a success", success],
    ["an error", failure],
    ["another page's message", { ...success, type: "other:oauth" }],
    ["a success without its integration", { ...success, integrationId: undefined }],
    ["an unknown error code", { ...failure, error: "teapot" }],
    ["an error without a message", { ...failure, message: 1 }],
    ["an unknown status", { ...success, status: "pending" }],
    ["null", null],
  ])("answers like the schema for %s", (_name, value) => {
    expect(isOAuthMessage(value)).toBe(oauthMessageSchema.safeParse(value).success);
  });
});
