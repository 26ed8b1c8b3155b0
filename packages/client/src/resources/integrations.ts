import {
  type AuthorizeIntegrationInput,
  authorizeIntegrationResultSchema,
  type InstallWebhookIntegrationInput,
  installationSchema,
  integrationListSchema,
  integrationSchema,
} from "@plugboard/core";
import type { CallOptions, Transport } from "../transport";

export function integrationsResource(call: Transport) {
  return {
    /** The catalog with each entry's installed state for the caller's organization. */
    list: (options: CallOptions = {}) =>
      call({ method: "get", path: "integrations", schema: integrationListSchema, ...options }),
    get: (provider: string, options: CallOptions = {}) =>
      call({
        method: "get",
        path: `integrations/${encodeURIComponent(provider)}`,
        schema: integrationSchema,
        ...options,
      }),
    /** Connects a webhook-based integration (Pumble) from its incoming-webhook URL. */
    installWebhook: (
      provider: string,
      input: InstallWebhookIntegrationInput,
      options: CallOptions = {},
    ) =>
      call({
        method: "post",
        path: `integrations/${encodeURIComponent(provider)}/installations`,
        json: input,
        schema: installationSchema,
        ...options,
      }),
    /**
     * Starts an OAuth install: the provider's consent URL, with a one-time state. Open it in a
     * popup; the callback page posts a `plugboard:oauth` message back (see useIntegrationPopup).
     */
    authorize: (
      provider: string,
      input: AuthorizeIntegrationInput = {},
      options: CallOptions = {},
    ) =>
      call({
        method: "post",
        path: `integrations/${encodeURIComponent(provider)}/authorize`,
        json: input,
        schema: authorizeIntegrationResultSchema,
        ...options,
      }),
    /** Disconnects; OAuth integrations are also revoked at the provider where it allows. */
    uninstall: (provider: string, installationId: string, options: CallOptions = {}) =>
      call<void>({
        method: "delete",
        path: `integrations/${encodeURIComponent(provider)}/installations/${encodeURIComponent(installationId)}`,
        ...options,
      }),
  };
}
