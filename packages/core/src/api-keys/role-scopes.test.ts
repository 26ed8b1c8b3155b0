import { describe, expect, it } from "vitest";
import { grantableScopes, ungrantableScopes } from "./role-scopes";
import { apiKeyScopes } from "./scopes";

describe("grantableScopes", () => {
  it("lets admins grant everything, wildcards included", () => {
    const admin = grantableScopes("admin");
    expect(admin).toContain("*");
    for (const entry of apiKeyScopes) expect(admin).toContain(entry.scope);
    expect(admin).toContain("issues:*");
    expect(ungrantableScopes("admin", ["*", "issues:delete", "projects:*"])).toEqual([]);
  });

  it("keeps deleting issues, changing projects and full access away from members", () => {
    expect(grantableScopes("member").sort()).toEqual(
      [
        "issues:read",
        "issues:write",
        "projects:read",
        "comments:read",
        "comments:write",
        "comments:*",
        "documents:read",
        "documents:write",
        "documents:*",
        "search:read",
        "search:*",
      ].sort(),
    );
    expect(
      ungrantableScopes("member", [
        "issues:read",
        "issues:delete",
        "issues:*",
        "projects:write",
        "projects:*",
        "comments:*",
        "*",
      ]),
    ).toEqual(["issues:delete", "issues:*", "projects:write", "projects:*", "*"]);
  });
});
