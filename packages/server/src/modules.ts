import { accountLinksModule } from "./account-links/module";
import { apiKeysModule } from "./api-keys/module";
import { githubModule } from "./github/module";
import { googleCalendarModule } from "./google-calendar/module";
import { integrationsModule } from "./integrations/module";
import { jiraImportModule } from "./jira-import/module";
import { jobsModule } from "./jobs/module";
import { slackModule } from "./slack/module";
import { ssoModule } from "./sso/module";
import { webhooksModule } from "./webhooks/module";

/** Every built-in feature, in the order their routes are matched. */
export const builtinModules = [
  integrationsModule,
  githubModule,
  apiKeysModule,
  webhooksModule,
  accountLinksModule,
  jobsModule,
  ssoModule,
  jiraImportModule,
  slackModule,
  googleCalendarModule,
] as const;
