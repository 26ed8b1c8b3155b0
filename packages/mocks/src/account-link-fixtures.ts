import type { Store } from "@plugboard/server";

const linkedAt = Date.parse("2026-10-05T14:20:00Z");

/**
 * Slack members linked to org_acme's users (team T0PLUGBRD): Ada as "ada" and Grace as
 * "grace.h", and Ada's Google account: the account links an admin and a member see.
 */
export async function seedAccountLinks(store: Store): Promise<void> {
  const links = [
    {
      id: "acl_ada_slack",
      provider: "slack",
      user: "user_ada",
      ext: "U0ADA",
      name: "ada",
      account: "T0PLUGBRD",
    },
    {
      id: "acl_ada_google",
      provider: "google-calendar",
      user: "user_ada",
      ext: "ada@acme.example",
      name: null,
      account: null,
    },
    {
      id: "acl_grace_slack",
      provider: "slack",
      user: "user_grace",
      ext: "U0GRACE",
      name: "grace.h",
      account: "T0PLUGBRD",
    },
  ];
  for (const [index, link] of links.entries()) {
    await store.accountLinks.upsert({
      id: link.id,
      organizationId: "org_acme",
      provider: link.provider,
      externalUserId: link.ext,
      externalAccountId: link.account,
      externalUserName: link.name,
      userId: link.user,
      createdAt: linkedAt + index * 86_400_000,
    });
  }
}
