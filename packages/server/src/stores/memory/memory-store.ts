import { memoryApiKeys } from "../../api-keys/store/memory";
import { memoryRateLimits } from "../../api-keys/store/memory-rate-limits";
import { memoryGitHub } from "../../github/store/memory";
import { memoryInstallations } from "../../integrations/store/memory-installations";
import { memoryOAuthStates } from "../../integrations/store/memory-oauth-states";
import { memoryWebhooks } from "../../webhooks/store/memory";
import type { Store } from "../types";

/**
 * Plain in-process maps, one module per aggregate: for tests, Storybook (through msw, in the
 * browser) and demos. Rows are copied in and out so callers never mutate stored state by accident.
 */
export function memoryStore(): Store {
  const installations = memoryInstallations();
  const apiKeys = memoryApiKeys();
  const rateLimits = memoryRateLimits();
  const oauthStates = memoryOAuthStates();
  const github = memoryGitHub();
  const webhooks = memoryWebhooks();
  return {
    installations,
    apiKeys,
    rateLimits,
    oauthStates,
    github,
    webhooks,
    async close() {
      installations.clear();
      apiKeys.clear();
      rateLimits.clear();
      oauthStates.clear();
      github.clear();
      webhooks.clear();
    },
  };
}
