export const slackKeys = {
  all: ["plugboard", "slack"] as const,
  channels: () => [...slackKeys.all, "channels"] as const,
  channelSettings: (projectId: string) => [...slackKeys.all, "channel", projectId] as const,
  deliveries: (projectId: string) => [...slackKeys.all, "deliveries", projectId] as const,
};
