import type { PlugboardContext } from "../context";
import type { InstallationRecord } from "../integrations/store/types";

/**
 * The Slack installation inbound traffic belongs to, found by the workspace's team id (or the
 * Enterprise Grid org id for org-wide installs). A workspace connected to several organizations
 * is answered by the oldest connection; a disconnected one answers nothing.
 */
export async function installationForTeam(
  context: PlugboardContext,
  teamId: string | null | undefined,
  enterpriseId?: string | null,
): Promise<InstallationRecord | null> {
  for (const accountId of [teamId, enterpriseId]) {
    if (!accountId) continue;
    const found = await context.store.installations.findByAccount("slack", accountId);
    const live = found.find((installation) => installation.status !== "disconnected");
    if (live) return live;
  }
  return null;
}

/** The organization's Slack installation, for notifications it sends on its own. */
export async function installationForOrganization(
  context: PlugboardContext,
  organizationId: string,
): Promise<InstallationRecord | null> {
  const installations = await context.store.installations.list(organizationId);
  return (
    installations.find(
      (installation) => installation.provider === "slack" && installation.status === "active",
    ) ?? null
  );
}

/**
 * `app_uninstalled` or `tokens_revoked` (which may arrive in either order): every installation of
 * the workspace is marked disconnected, keeping its row so the card can say so.
 */
export async function disconnectTeam(context: PlugboardContext, teamId: string): Promise<number> {
  const installations = await context.store.installations.findByAccount("slack", teamId);
  let changed = 0;
  for (const installation of installations) {
    if (installation.status === "disconnected") continue;
    const updated = await context.store.installations.updateCredentials(
      installation.organizationId,
      installation.id,
      { secret: installation.secret, updatedAt: context.now(), status: "disconnected" },
    );
    if (updated) changed += 1;
  }
  return changed;
}

/**
 * Removes the account links of these Slack users of the workspace, in every organization the
 * workspace is connected to (disconnected ones included: the event may follow app_uninstalled).
 */
export async function unlinkSlackUsers(
  context: PlugboardContext,
  teamId: string,
  userIds: readonly string[],
): Promise<void> {
  const installations = await context.store.installations.findByAccount("slack", teamId);
  const organizations = new Set(installations.map((installation) => installation.organizationId));
  for (const organizationId of organizations) {
    for (const userId of userIds) {
      const link = await context.store.accountLinks.find(organizationId, "slack", userId);
      if (link) await context.store.accountLinks.delete(organizationId, link.id);
    }
  }
}
