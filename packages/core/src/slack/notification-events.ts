/** The catalog events a project can send to its Slack channel, in the order settings list them. */
export const slackNotificationEvents = [
  "issue.created",
  "issue.updated",
  "issue.assigned",
  "issue.completed",
  "comment.created",
  "cycle.started",
  "cycle.completed",
] as const;
