import { describeAccountLinkStoreConformance } from "../account-links/store/conformance";
import { describeApiKeyStoreConformance } from "../api-keys/store/conformance";
import { describeGoogleCalendarStoreConformance } from "../google-calendar/store/conformance";
import { describeOAuthStoreConformance } from "../integrations/store/conformance";
import { describeInstallationStoreConformance } from "../integrations/store/installations-conformance";
import { describeJiraImportStoreConformance } from "../jira-import/store/conformance";
import { describeJobStoreConformance } from "../jobs/conformance";
import { describeSlackStoreConformance } from "../slack/store/conformance";
import { describeSsoStoreConformance } from "../sso/store/conformance";
import type { StoreUnderTest } from "../stores/conformance/store-per-test";
import { describeWebhookStoreConformance } from "../webhooks/store/conformance";

/**
 * The behaviour every `Store` implementation must share, as vitest suites: call it from a test
 * file with a factory of new, empty stores; each is closed (and cleaned up) after its test.
 * Every feature's suite runs; a host proves its own store (or database setup) the same way.
 */
export function describeStoreConformance(
  name: string,
  makeStore: () => Promise<StoreUnderTest>,
): void {
  describeInstallationStoreConformance(name, makeStore);
  describeOAuthStoreConformance(name, makeStore);
  describeApiKeyStoreConformance(name, makeStore);
  describeWebhookStoreConformance(name, makeStore);
  describeAccountLinkStoreConformance(name, makeStore);
  describeJobStoreConformance(name, makeStore);
  describeSsoStoreConformance(name, makeStore);
  describeJiraImportStoreConformance(name, makeStore);
  describeSlackStoreConformance(name, makeStore);
  describeGoogleCalendarStoreConformance(name, makeStore);
}
