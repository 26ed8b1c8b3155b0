import { defineModule } from "../module";
import { slackCommandReceiver } from "./command-receiver";
import { slackEventReceiver } from "./event-receiver";
import { slackInteractionReceiver } from "./interaction-receiver";
import { slack } from "./migrations/0011-slack";
import { slackDeliveries } from "./migrations/0014-slack-deliveries";
import { deliverSlackNotification, queueSlackNotification, slackNotifyJob } from "./notifications";
import { deleteSlackChannelSettings } from "./routes/delete-channel-settings";
import { getSlackChannelSettings } from "./routes/get-channel-settings";
import { listSlackChannels } from "./routes/list-channels";
import { listSlackDeliveries } from "./routes/list-deliveries";
import { putSlackChannelSettings } from "./routes/put-channel-settings";
import { testSlackChannel } from "./routes/send-channel-sample";
import { memorySlack } from "./store/memory";
import type { SlackStoreSlice } from "./store/slice";
import { sqlSlack } from "./store/sql";

/**
 * The Slack app: channel notifications per project that edit their message in place, issues
 * created and changed from Slack as the linked user, and unfurled issue links.
 */
export const slackModule = defineModule<SlackStoreSlice>({
  name: "slack",
  store: {
    memory: () => ({ slack: memorySlack() }),
    sql: (db) => ({ slack: sqlSlack(db) }),
  },
  migrations: { "0011_slack": slack, "0014_slack_deliveries": slackDeliveries },
  routes: [
    listSlackChannels,
    getSlackChannelSettings,
    putSlackChannelSettings,
    deleteSlackChannelSettings,
    testSlackChannel,
    listSlackDeliveries,
  ],
  inbound: [slackEventReceiver, slackCommandReceiver, slackInteractionReceiver],
  setup(context) {
    context.worker.handle(slackNotifyJob, (payload, run) =>
      deliverSlackNotification(context, payload, run.lastAttempt),
    );
  },
  onEvent: queueSlackNotification,
});
