import {
  createId,
  integrationContracts,
  PlugboardError,
  webhookDestinationHosts,
} from "@plugboard/core";
import { implement } from "../../http/route";
import { createEndpoint } from "../../webhooks/create-endpoint";
import { assertUrlAllowed } from "../../webhooks/routes/access";
import type { InstallationRecord } from "../store/types";
import { findCatalogEntry } from "./find-entry";
import { presentInstallation } from "./present";
import { sealWebhookInstallation } from "./webhook-installation";

/**
 * Connects a webhook-based integration (Pumble) from a pasted incoming-webhook URL: the
 * installation owns a webhook endpoint with that destination, receiving every event, so its
 * deliveries get the outbox's retries and show in the webhooks delivery log. Uninstalling
 * deletes the endpoint.
 */
export const installWebhookIntegration = implement(integrationContracts.installWebhook, {
  async handle({ params, body, identity, context }) {
    const entry = findCatalogEntry(context, params.provider);
    const destination = entry.id as keyof typeof webhookDestinationHosts;
    const hostPattern = entry.auth === "webhook" ? webhookDestinationHosts[destination] : undefined;
    if (!hostPattern) {
      throw new PlugboardError({
        code: "validation_failed",
        detail: `${entry.name} is not connected by pasting a webhook URL`,
        errors: [{ path: "provider", message: `${entry.name} uses ${entry.auth}` }],
      });
    }
    if (!hostPattern.test(new URL(body.webhookUrl).hostname.toLowerCase())) {
      throw new PlugboardError({
        code: "validation_failed",
        detail: `That is not a ${entry.name} incoming-webhook URL`,
        errors: [{ path: "webhookUrl", message: `Must be a ${entry.name} webhook URL` }],
      });
    }
    const projectId = body.projectId ?? null;
    const level = projectId ? "project" : "organization";
    if (!entry.levels.includes(level)) {
      throw new PlugboardError({
        code: "validation_failed",
        detail: `${entry.name} cannot be installed at the ${level} level`,
        errors: [{ path: "projectId", message: `Not available at the ${level} level` }],
      });
    }
    await assertUrlAllowed(context, body.webhookUrl, "webhookUrl");

    const now = context.now();
    const id = createId("ins");
    const endpointId = createId("whe");
    const record: InstallationRecord = {
      id,
      provider: entry.id,
      organizationId: identity.organizationId,
      projectId,
      level,
      status: "active",
      externalAccountName: null,
      externalAccountId: null,
      scopes: [],
      installedBy: identity.userId,
      secret: await sealWebhookInstallation(context, id, { endpointId }),
      createdAt: now,
      updatedAt: now,
    };
    // The installation first: a second install at the same place fails here, before any
    // endpoint exists. If the endpoint then cannot be stored, the installation goes too.
    await context.store.installations.create(record);
    try {
      await createEndpoint(
        context,
        identity.organizationId,
        {
          url: body.webhookUrl,
          description: `${entry.name} (connected from Integrations)`,
          eventMode: "all",
          events: [],
          projectId,
          destination,
          enabled: true,
        },
        endpointId,
      );
    } catch (error) {
      await context.store.installations.delete(identity.organizationId, id);
      throw error;
    }
    return presentInstallation(record);
  },
});
