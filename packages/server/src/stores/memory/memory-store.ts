import { memoryJobs } from "../../jobs/memory";
import type { Store } from "../types";
import { memoryApiKeys } from "./api-keys";
import { memoryGitHub } from "./github";
import { memoryInstallations } from "./installations";
import { memoryOAuthStates } from "./oauth-states";
import { memoryRateLimits } from "./rate-limits";
import { memoryWebhooks } from "./webhooks";

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
  const jobs = memoryJobs();
  return {
    installations,
    apiKeys,
    rateLimits,
    oauthStates,
    github,
    webhooks,
    jobs,
    async close() {
      installations.clear();
      apiKeys.clear();
      rateLimits.clear();
      oauthStates.clear();
      github.clear();
      webhooks.clear();
      jobs.clear();
    },
  };
}
