import { type WebhookPayload, webhookEvents } from "@plugboard/core";

const descriptions = new Map<string, string>(
  webhookEvents.map((event) => [event.type, event.description]),
);

function label(data: Record<string, unknown>): string | undefined {
  for (const field of ["title", "name", "key", "identifier", "id"]) {
    const value = data[field];
    if (typeof value === "string" && value.trim() !== "") return value.trim();
    if (typeof value === "number") return String(value);
  }
  return undefined;
}

/**
 * The default chat text: the catalog's sentence for the event, what it is about, and a link when
 * the data carries one. `*bold*` reads well in both Slack and Pumble.
 */
export function defaultChatMessage(payload: WebhookPayload): string {
  const sentence = descriptions.get(payload.type) ?? `Event ${payload.type}.`;
  const subject = label(payload.data);
  const url = typeof payload.data.url === "string" ? payload.data.url : undefined;
  return [`*${payload.type}* ${sentence}`, subject, url].filter(Boolean).join("\n");
}
