import type {
  HostWorkflowState,
  JiraDiscovery,
  JiraMapping,
  WorkflowStateCategory,
} from "@plugboard/core";

const byCategory: Record<string, WorkflowStateCategory[]> = {
  new: ["unstarted", "backlog"],
  indeterminate: ["started"],
  done: ["completed"],
  unknown: ["unstarted", "backlog"],
};

const priorities: Record<string, string> = {
  highest: "urgent",
  blocker: "urgent",
  critical: "urgent",
  high: "high",
  major: "high",
  medium: "medium",
  low: "low",
  minor: "low",
  lowest: "low",
  trivial: "low",
};

/**
 * A first mapping for a person to edit: a state of the same name, else by status category
 * (new → unstarted, indeterminate → started, done → completed, "Won't do" → cancelled);
 * priorities by name; users by email; sprints created as cycles when the host can.
 */
export function suggestMapping(
  discovery: JiraDiscovery,
  states: HostWorkflowState[],
  canCreateCycles: boolean,
): JiraMapping {
  const stateFor = (name: string, category: string) => {
    const same = states.find((state) => state.name.toLowerCase() === name.toLowerCase());
    if (same) return same.id;
    const cancelled = /won'?t|cancel|reject|duplicate/i.test(name)
      ? states.find((state) => state.category === "cancelled")
      : undefined;
    if (cancelled) return cancelled.id;
    for (const wanted of byCategory[category] ?? []) {
      const found = states.find((state) => state.category === wanted);
      if (found) return found.id;
    }
    return null;
  };
  return {
    statuses: Object.fromEntries(
      discovery.statuses.map((s) => [s.name, stateFor(s.name, s.category)]),
    ),
    priorities: Object.fromEntries(
      discovery.priorities.map((p) => [p.name, priorities[p.name.toLowerCase()] ?? null]),
    ),
    types: Object.fromEntries(discovery.types.map((t) => [t.name, `type:${t.name.toLowerCase()}`])),
    users: Object.fromEntries(discovery.users.map((u) => [u.accountId, u.hostUserId])),
    sprints: Object.fromEntries(
      discovery.sprints.map((s) => [s.name, canCreateCycles ? "create" : null]),
    ),
    customFields: discovery.customFields.map((field) => field.name),
    attachmentMaxBytes: 10_485_760,
  };
}
