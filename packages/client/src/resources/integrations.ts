import type { AuthorizeIntegrationInput, InstallWebhookIntegrationInput } from "@plugboard/core";
import { integrationRoutes as routes } from "@plugboard/core/routes";
import type { Call } from "../call";
import type { CallOptions } from "../transport";

export function integrationsResource(call: Call) {
  return {
    /** The catalog with each entry's installed state for the caller's organization. */
    list: (options: CallOptions = {}) => call(routes.list, {}, options),
    get: (provider: string, options: CallOptions = {}) =>
      call(routes.get, { params: { provider } }, options),
    /** Connects a webhook-based integration (Pumble) from its incoming-webhook URL. */
    installWebhook: (
      provider: string,
      input: InstallWebhookIntegrationInput,
      options: CallOptions = {},
    ) => call(routes.installWebhook, { params: { provider }, body: input }, options),
    /**
     * Starts an OAuth install: the provider's consent URL, with a one-time state. Open it in a
     * popup; the callback page posts a `plugboard:oauth` message back (see useIntegrationPopup).
     */
    authorize: (
      provider: string,
      input: AuthorizeIntegrationInput = {},
      options: CallOptions = {},
    ) => call(routes.authorize, { params: { provider }, body: input }, options),
    /** Disconnects; OAuth integrations are also revoked at the provider where it allows. */
    uninstall: (provider: string, installationId: string, options: CallOptions = {}) =>
      call(routes.uninstall, { params: { provider, installationId } }, options),
  };
}
