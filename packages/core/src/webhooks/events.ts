export interface WebhookEventDefinition {
  /** Dotted, `resource.action`: the payload's `type`. */
  type: string;
  /** What a UI groups the event under. */
  resource: string;
  description: string;
}

/** Every event an endpoint can subscribe to, in the order a UI lists them. */
export const webhookEvents = [
  { type: "project.created", resource: "project", description: "A project was created." },
  { type: "project.updated", resource: "project", description: "A project's details changed." },
  { type: "project.deleted", resource: "project", description: "A project was deleted." },
  { type: "cycle.created", resource: "cycle", description: "A cycle was created." },
  {
    type: "cycle.updated",
    resource: "cycle",
    description: "A cycle's name, dates or issues changed.",
  },
  { type: "cycle.deleted", resource: "cycle", description: "A cycle was deleted." },
  { type: "cycle.started", resource: "cycle", description: "A cycle reached its start date." },
  { type: "cycle.completed", resource: "cycle", description: "A cycle was completed." },
  { type: "module.created", resource: "module", description: "A module was created." },
  {
    type: "module.updated",
    resource: "module",
    description: "A module's details or issues changed.",
  },
  { type: "module.deleted", resource: "module", description: "A module was deleted." },
  { type: "issue.created", resource: "issue", description: "An issue was created." },
  { type: "issue.updated", resource: "issue", description: "An issue's fields changed." },
  { type: "issue.assigned", resource: "issue", description: "An issue's assignees changed." },
  {
    type: "issue.completed",
    resource: "issue",
    description: "An issue moved to a completed state.",
  },
  { type: "issue.deleted", resource: "issue", description: "An issue was deleted." },
  { type: "comment.created", resource: "comment", description: "A comment was added to an issue." },
  { type: "comment.updated", resource: "comment", description: "A comment was edited." },
  { type: "comment.deleted", resource: "comment", description: "A comment was deleted." },
  { type: "document.created", resource: "document", description: "A document was created." },
  { type: "document.updated", resource: "document", description: "A document was edited." },
  { type: "document.deleted", resource: "document", description: "A document was deleted." },
  {
    type: "integration.disconnected",
    resource: "integration",
    description:
      "A connection stopped working (its provider refused to refresh it) and needs a reconnect.",
  },
  {
    type: "endpoint.disabled",
    resource: "endpoint",
    description: "A webhook endpoint was disabled after failing deliveries or answering 410 Gone.",
  },
  {
    type: "certificate.expiring",
    resource: "certificate",
    description:
      "An SSO connection's SAML signing certificate expires within 30 days (or has expired): add the identity provider's new one.",
  },
  {
    type: "webhook.test",
    resource: "webhook",
    description: "A test message, sent on request from the webhook settings.",
  },
] as const satisfies readonly WebhookEventDefinition[];

type Event = (typeof webhookEvents)[number];
export type WebhookEventType = Event["type"];
export type WebhookEventResource = Event["resource"];

/** The catalog grouped by resource, groups and events in catalog order. */
export function webhookEventsByResource(): { resource: WebhookEventResource; events: Event[] }[] {
  const groups = new Map<WebhookEventResource, Event[]>();
  for (const event of webhookEvents) {
    const group = groups.get(event.resource);
    if (group) group.push(event);
    else groups.set(event.resource, [event]);
  }
  return Array.from(groups, ([resource, events]) => ({ resource, events }));
}
