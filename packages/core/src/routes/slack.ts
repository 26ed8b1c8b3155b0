import type { slackContracts } from "../contracts/slack";
import { type RoutePath, routesOf } from "./route";

const channel = "/providers/slack/projects/:projectId/channel";

/** Where each Slack route lives; `slackContracts` adds the schemas. */
export const slackPaths = {
  channels: { method: "GET", path: "/providers/slack/channels" },
  channelSettings: { method: "GET", path: channel },
  saveChannelSettings: { method: "PUT", path: channel },
  removeChannelSettings: { method: "DELETE", path: channel },
  testChannel: { method: "POST", path: `${channel}/test` },
  deliveries: { method: "GET", path: `${channel}/deliveries` },
} as const satisfies Record<string, RoutePath>;

/** The Slack contracts without zod: method and path, typed from the schemas. */
export const slackRoutes = routesOf<typeof slackContracts>(slackPaths);
