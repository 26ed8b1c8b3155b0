import type { Identity } from "@plugboard/core";
import type { InstallationRecord } from "@plugboard/server";

/** The demo organization every story and component test sees. */
export const fixtureIdentities = {
  admin: { userId: "user_ada", organizationId: "org_acme", role: "admin" },
  member: { userId: "user_grace", organizationId: "org_acme", role: "member" },
} satisfies Record<string, Identity>;

const installedAt = Date.parse("2026-10-01T09:30:00Z");

/** GitHub is connected for the whole organization; everything else is available. */
export const fixtureInstallations: InstallationRecord[] = [
  {
    id: "ins_github_acme",
    provider: "github",
    organizationId: "org_acme",
    projectId: null,
    level: "organization",
    status: "active",
    externalAccountName: "acme-inc",
    externalAccountId: null,
    scopes: ["repo", "read:org"],
    installedBy: "user_ada",
    secret: null,
    createdAt: installedAt,
    updatedAt: installedAt,
  },
];
