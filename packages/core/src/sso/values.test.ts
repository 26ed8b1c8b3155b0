import { describe, expect, it } from "vitest";
import { ssoTestMessageSchema } from "../schemas/sso";
import { isSsoTestMessage, ssoTestMessageType } from "./values";

const success = {
  type: ssoTestMessageType,
  status: "success",
  connectionId: "c1",
  profile: { email: "ada@acme.test", name: null, subject: "ada", groups: ["eng"], role: "admin" },
};
const failure = {
  type: ssoTestMessageType,
  status: "error",
  connectionId: "c1",
  reason: "signature_invalid",
  message: "The response was not signed by the IdP.",
};

describe("isSsoTestMessage, the admin page's ssoTestMessageSchema", () => {
  it.each([
    ["a success", success],
    ["a failure", failure],
    ["another page's message", { ...success, type: "plugboard:oauth" }],
    ["a success without a profile", { ...success, profile: undefined }],
    [
      "a profile with an unknown role",
      { ...success, profile: { ...success.profile, role: "root" } },
    ],
    [
      "a profile with groups not strings",
      { ...success, profile: { ...success.profile, groups: [1] } },
    ],
    ["a profile without a subject", { ...success, profile: { ...success.profile, subject: 1 } }],
    ["a failure without its message", { ...failure, message: undefined }],
    ["no connection", { ...failure, connectionId: 3 }],
    ["an unknown status", { ...success, status: "pending" }],
    ["null", null],
  ])("answers like the schema for %s", (_name, value) => {
    expect(isSsoTestMessage(value)).toBe(ssoTestMessageSchema.safeParse(value).success);
  });
});
