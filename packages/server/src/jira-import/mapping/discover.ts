import type { JiraDiscovery } from "@plugboard/core";
import type { JiraItem } from "../source/item";

type Counter = Map<string, number>;
const bump = (counter: Counter, name: string) => counter.set(name, (counter.get(name) ?? 0) + 1);
const list = (counter: Counter) =>
  [...counter.entries()]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));

/** Tallies the values a mapping maps, as items stream by (no item is kept). */
export function createDiscovery() {
  const statuses = new Map<string, { category: JiraItem["status"]["category"]; count: number }>();
  const priorities: Counter = new Map();
  const types: Counter = new Map();
  const sprints: Counter = new Map();
  const customFields: Counter = new Map();
  const users = new Map<string, { name: string; email: string | null; count: number }>();
  const person = (who: JiraItem["assignee"]) => {
    if (!who) return;
    const seen = users.get(who.accountId);
    users.set(who.accountId, {
      name: seen?.name ?? who.name,
      email: seen?.email ?? who.email,
      count: (seen?.count ?? 0) + 1,
    });
  };
  return {
    add(item: JiraItem) {
      const status = statuses.get(item.status.name);
      statuses.set(item.status.name, {
        category: item.status.category,
        count: (status?.count ?? 0) + 1,
      });
      if (item.priority) bump(priorities, item.priority);
      bump(types, item.type);
      for (const sprint of item.sprints) bump(sprints, sprint.name);
      for (const name of Object.keys(item.customFields)) bump(customFields, name);
      person(item.assignee);
      person(item.reporter);
      for (const comment of item.comments) person(comment.author);
    },
    result(hostUserOf: (accountId: string) => string | null): JiraDiscovery {
      return {
        statuses: [...statuses.entries()].map(([name, { category, count }]) => ({
          name,
          category,
          count,
        })),
        priorities: list(priorities),
        types: list(types),
        sprints: list(sprints),
        customFields: list(customFields),
        users: [...users.entries()].map(([accountId, user]) => ({
          accountId,
          name: user.name,
          email: user.email,
          count: user.count,
          hostUserId: hostUserOf(accountId),
        })),
      };
    },
    /** Account ids with an email, for the host's `users.findByEmail`. */
    emails: () =>
      [...users.entries()].flatMap(([id, user]) => (user.email ? [[id, user.email] as const] : [])),
  };
}
