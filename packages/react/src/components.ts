import type { AccountLinksProps } from "./account-links/account-links";
import type { ApiKeyUsageProps } from "./api-keys/api-key-usage";
import type { ApiKeysManagerProps } from "./api-keys/api-keys-manager";
import type { LinkedRepositoriesProps } from "./github/linked-repositories";
import type { GoogleCalendarSyncProps } from "./google-calendar/google-calendar-sync";
import type { IntegrationCardProps } from "./integrations/integration-card";
import type { IntegrationGalleryProps } from "./integrations/integration-gallery";
import type { JiraImportProps } from "./jira-import/jira-import";
import { lazyComponent } from "./parts/lazy-component";
import type { SlackChannelSettingsProps } from "./slack/slack-channel-settings";
import type { SsoSettingsProps } from "./sso/sso-settings";
import type { WebhookManagerProps } from "./webhooks/webhook-manager";

// The exported components. Each one's code loads when it first renders (see lazyComponent), so
// importing the package costs a page only the provider and the hooks; tsup.config.ts names the
// files. Inside the package, import a component from its own file.

export const AccountLinks = lazyComponent<AccountLinksProps>(
  async () => (await import("./account-links/account-links")).AccountLinks,
  { rootClass: "pb-account-links", label: (strings) => strings.accountLinksLoading },
);

export const ApiKeysManager = lazyComponent<ApiKeysManagerProps>(
  async () => (await import("./api-keys/api-keys-manager")).ApiKeysManager,
  { rootClass: "pb-api-keys", label: (strings) => strings.apiKeysLoading },
);

export const ApiKeyUsage = lazyComponent<ApiKeyUsageProps>(
  async () => (await import("./api-keys/api-key-usage")).ApiKeyUsage,
  { rootClass: "pb-api-key-usage", label: (strings) => strings.apiKeyUsageLoading },
);

export const LinkedRepositories = lazyComponent<LinkedRepositoriesProps>(
  async () => (await import("./github/linked-repositories")).LinkedRepositories,
  { rootClass: "pb-linked-repos", label: (strings) => strings.loadingRepositories },
);

export const GoogleCalendarSync = lazyComponent<GoogleCalendarSyncProps>(
  async () => (await import("./google-calendar/google-calendar-sync")).GoogleCalendarSync,
  { rootClass: "pb-calendar-sync", label: (strings) => strings.calendarSyncLoading },
);

export const IntegrationCard = lazyComponent<IntegrationCardProps>(
  async () => (await import("./integrations/integration-card")).IntegrationCard,
  { rootClass: "pb-integration-card", label: (strings) => strings.loadingIntegration },
);

export const IntegrationGallery = lazyComponent<IntegrationGalleryProps>(
  async () => (await import("./integrations/integration-gallery")).IntegrationGallery,
  { rootClass: "pb-gallery", label: (strings) => strings.loadingIntegrations, variant: "cards" },
);

export const JiraImport = lazyComponent<JiraImportProps>(
  async () => (await import("./jira-import/jira-import")).JiraImport,
  { rootClass: "pb-jira-import", label: (strings) => strings.jiraLoading },
);

export const SlackChannelSettings = lazyComponent<SlackChannelSettingsProps>(
  async () => (await import("./slack/slack-channel-settings")).SlackChannelSettings,
  { rootClass: "pb-slack-channel", label: (strings) => strings.loadingSlackChannel },
);

export const SsoSettings = lazyComponent<SsoSettingsProps>(
  async () => (await import("./sso/sso-settings")).SsoSettings,
  { rootClass: "pb-sso", label: (strings) => strings.ssoLoading },
);

export const WebhookManager = lazyComponent<WebhookManagerProps>(
  async () => (await import("./webhooks/webhook-manager")).WebhookManager,
  { rootClass: "pb-webhooks", label: (strings) => strings.webhooksLoading, variant: "cards" },
);
