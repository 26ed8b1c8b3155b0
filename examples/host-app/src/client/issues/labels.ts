import type { HostIssue, HostWorkflowState } from "@plugboard/core";
import type { IssuePriority, TrackerSession } from "../../shared/tracker-api";

export const priorityLabels: Record<IssuePriority, string> = {
  urgent: "Urgent",
  high: "High",
  medium: "Medium",
  low: "Low",
};

export function priorityLabel(priority: string | null): string {
  return priority && priority in priorityLabels
    ? priorityLabels[priority as IssuePriority]
    : "No priority";
}

export function stateOf(session: TrackerSession, issue: HostIssue): HostWorkflowState | undefined {
  return session.projects
    .find((project) => project.id === issue.projectId)
    ?.states.find((state) => state.id === issue.stateId);
}

export function assigneeName(session: TrackerSession, assigneeId: string | null): string {
  if (!assigneeId) return "Unassigned";
  return session.users.find((user) => user.id === assigneeId)?.name ?? "Unknown";
}

/** `2026-12-11` as "Dec 11, 2026"; the date is a calendar day, not an instant. */
export function formatDueDate(dueDate: string | null): string {
  if (!dueDate) return "No due date";
  const [year, month, day] = dueDate.slice(0, 10).split("-").map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)).toLocaleDateString("en", {
    month: "short",
    day: "numeric",
    year: "numeric",
    timeZone: "UTC",
  });
}
