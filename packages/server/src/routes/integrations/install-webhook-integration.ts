import {
  createId,
  type InstallWebhookIntegrationInput,
  installWebhookIntegrationSchema,
  PlugboardError,
} from "@plugboard/core";
import { json } from "../../http/responses";
import { defineRoute } from "../../http/route";
import type { InstallationRecord } from "../../stores/types";
import { findCatalogEntry } from "./find-entry";
import { presentInstallation } from "./present";

/** Incoming-webhook URLs must point at the provider itself, so a pasted URL cannot aim elsewhere. */
const webhookHosts: Record<string, RegExp> = {
  pumble: /(^|\.)pumble\.com$/,
};

/** Connects a webhook-based integration (Pumble) from a pasted incoming-webhook URL. */
export const installWebhookIntegration = defineRoute<InstallWebhookIntegrationInput>({
  method: "POST",
  path: "/integrations/:provider/installations",
  body: installWebhookIntegrationSchema,
  role: "admin",
  async handle({ params, body, identity, context }) {
    const entry = findCatalogEntry(context, params.provider ?? "");
    const hostPattern = webhookHosts[entry.id];
    if (entry.auth !== "webhook" || !hostPattern) {
      throw new PlugboardError({
        code: "validation_failed",
        detail: `${entry.name} is not connected by pasting a webhook URL`,
        errors: [{ path: "provider", message: `${entry.name} uses ${entry.auth}` }],
      });
    }
    if (!hostPattern.test(new URL(body.webhookUrl).hostname)) {
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
    const now = context.now();
    const id = createId("ins");
    const record: InstallationRecord = {
      id,
      provider: entry.id,
      organizationId: identity.organizationId,
      projectId,
      level,
      status: "active",
      externalAccountName: null,
      scopes: [],
      installedBy: identity.userId,
      secret: await context.keyring.encrypt(JSON.stringify({ webhookUrl: body.webhookUrl }), id),
      createdAt: now,
      updatedAt: now,
    };
    await context.store.installations.create(record);
    return json(presentInstallation(record), 201);
  },
});
