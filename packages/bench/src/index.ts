import { apiKeyVerify } from "./api-key-verify";
import type { Suite } from "./harness";
import { jobsThroughput } from "./jobs-throughput";
import { webhookDelivery } from "./webhook-delivery";
import { webhookDurability } from "./webhook-durability";
import { webhookSigning } from "./webhook-signing";

/** Run in order. A new benchmark is a module exporting a Suite, added here. */
const suites: Suite[] = [
  webhookSigning,
  apiKeyVerify,
  webhookDelivery,
  webhookDurability,
  jobsThroughput,
];

const only = process.argv.slice(2).map((arg) => arg.toLowerCase());
console.log(`Node ${process.version}, ${process.platform}/${process.arch}`);
for (const suite of suites) {
  if (only.length > 0 && !only.some((name) => suite.name.toLowerCase().includes(name))) continue;
  console.log(`\n## ${suite.name}\n`);
  await suite.run();
}
