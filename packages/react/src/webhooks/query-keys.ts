export const webhookKeys = {
  all: ["plugboard", "webhooks"] as const,
  endpoints: () => [...webhookKeys.all, "endpoints"] as const,
  messages: (endpointId: string) => [...webhookKeys.all, "messages", endpointId] as const,
  attempts: (endpointId: string) => [...webhookKeys.all, "attempts", endpointId] as const,
};
