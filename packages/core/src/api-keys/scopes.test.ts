import { describe, expect, it } from "vitest";
import { apiKeyScopeSchema } from "../schemas/api-keys";
import { apiKeyScopes, hasScopes, missingScopes } from "./scopes";
import { apiKeyVerificationCodes } from "./verification";

describe("apiKeyScopes", () => {
  it("lists each concrete scope once, with its resource, action and a description", () => {
    expect(apiKeyScopes.map((entry) => entry.scope)).toEqual([
      "issues:read",
      "issues:write",
      "issues:delete",
      "projects:read",
      "projects:write",
      "comments:read",
      "comments:write",
      "documents:read",
      "documents:write",
      "search:read",
    ]);
    for (const entry of apiKeyScopes) {
      expect(entry.scope).toBe(`${entry.resource}:${entry.action}`);
      expect(entry.description).not.toBe("");
    }
  });
});

describe("apiKeyScopeSchema", () => {
  it("accepts exactly the concrete scopes and the wildcards", () => {
    expect([...apiKeyScopeSchema.options].sort()).toEqual(
      [
        ...apiKeyScopes.map((entry) => entry.scope),
        "issues:*",
        "projects:*",
        "comments:*",
        "documents:*",
        "search:*",
        "*",
      ].sort(),
    );
    for (const scope of ["issues:*", "*", "issues:delete", "search:read"]) {
      expect(apiKeyScopeSchema.safeParse(scope).success, scope).toBe(true);
    }
  });

  it("rejects anything else", () => {
    const invalid = [
      "issues:admin",
      "foo:read",
      "issues",
      "search:write",
      "Issues:read",
      "issues:read ",
      "*:*",
      "*:read",
      ":*",
      "",
      "issues:",
    ];
    for (const scope of invalid) {
      expect(apiKeyScopeSchema.safeParse(scope).success, scope).toBe(false);
    }
  });
});

describe("hasScopes and missingScopes", () => {
  const table: [granted: string[], required: string[], missing: string[]][] = [
    [[], [], []],
    [[], ["issues:read"], ["issues:read"]],
    [["issues:read"], [], []],
    [["issues:read"], ["issues:read"], []],
    [["issues:read"], ["issues:write"], ["issues:write"]],
    [["issues:read"], ["projects:read"], ["projects:read"]],
    [["issues:read", "comments:write"], ["issues:read", "comments:write"], []],
    [["issues:read"], ["issues:read", "comments:read"], ["comments:read"]],
    [["issues:*"], ["issues:read", "issues:write", "issues:delete"], []],
    [["issues:*"], ["projects:read"], ["projects:read"]],
    [["issues:*"], ["issues:*"], []],
    [["issues:*"], ["*"], ["*"]],
    [["issues:*"], ["projects:*"], ["projects:*"]],
    [["issues:read", "issues:write", "issues:delete"], ["issues:*"], ["issues:*"]],
    [["issues:read"], ["issues:*"], ["issues:*"]],
    [["*"], ["issues:delete", "search:read", "documents:*", "*"], []],
    [["search:read"], ["search:*"], ["search:*"]],
    [["search:*"], ["search:read"], []],
    [["projects:read", "*"], ["issues:write"], []],
    // Unknown grants a store might still hold cover nothing but themselves.
    [["issuesx:*"], ["issues:read"], ["issues:read"]],
    [["issues:readx"], ["issues:read"], ["issues:read"]],
  ];

  it.each(table)("granted %j, required %j → missing %j", (granted, required, missing) => {
    expect(missingScopes(granted, required)).toEqual(missing);
    expect(hasScopes(granted, required)).toBe(missing.length === 0);
  });
});

describe("apiKeyVerificationCodes", () => {
  it("is the closed set from the design", () => {
    expect(apiKeyVerificationCodes).toEqual([
      "VALID",
      "NOT_FOUND",
      "EXPIRED",
      "REVOKED",
      "DISABLED",
      "INSUFFICIENT_SCOPE",
      "RATE_LIMITED",
      "UNAVAILABLE",
    ]);
  });
});
