import { apiKeyVerify } from "./api-key-verify";
import { googleCalendarSync } from "./google-calendar-sync";
import type { Suite } from "./harness";
import { hostRoutePostgres, hostRouteSqlite } from "./host-route";
import { jiraImport } from "./jira-import";
import { jobsThroughput } from "./jobs-throughput";
import { slackApp } from "./slack";
import { webhookDelivery } from "./webhook-delivery";
import { webhookDeliveryPostgres } from "./webhook-delivery-postgres";
import { webhookDurability } from "./webhook-durability";
import { webhookMemory } from "./webhook-memory";
import { webhookSigning } from "./webhook-signing";

/** Run in order. A new benchmark is a module exporting a Suite, added here. */
const suites: Suite[] = [
  webhookSigning,
  apiKeyVerify,
  hostRouteSqlite,
  hostRoutePostgres,
  webhookDelivery,
  webhookDeliveryPostgres,
  webhookDurability,
  webhookMemory,
  jobsThroughput,
  jiraImport,
  slackApp,
  googleCalendarSync,
];

// Arguments are suite name filters: `google-calendar` finds "Google Calendar sync".
const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
const only = process.argv.slice(2).map(words);
console.log(`Node ${process.version}, ${process.platform}/${process.arch}`);
for (const suite of suites) {
  if (only.length > 0 && !only.some((name) => words(suite.name).includes(name))) continue;
  console.log(`\n## ${suite.name}\n`);
  await suite.run();
}
