import type { PlugboardContext } from "../../context";
import type { InstallationRecord } from "../store/types";

/**
 * What a webhook-based installation keeps: the endpoint it feeds, which holds the pasted URL
 * (encrypted, as every chat destination's).
 */
interface WebhookInstallationSecret {
  endpointId: string;
}

export function sealWebhookInstallation(
  context: PlugboardContext,
  installationId: string,
  secret: WebhookInstallationSecret,
): Promise<string> {
  return context.keyring.encrypt(JSON.stringify(secret), installationId);
}

/** Deletes the endpoint a webhook-based installation delivers through, with its message log. */
export async function deleteWebhookInstallationEndpoint(
  context: PlugboardContext,
  record: InstallationRecord,
): Promise<void> {
  const entry = context.catalog.find((candidate) => candidate.id === record.provider);
  if (!record.secret || entry?.auth !== "webhook") return;
  const { endpointId } = JSON.parse(
    await context.keyring.decrypt(record.secret, record.id),
  ) as Partial<WebhookInstallationSecret>;
  if (endpointId) await context.store.webhooks.deleteEndpoint(record.organizationId, endpointId);
}
