import { describe, expect, it } from "vitest";
import { webhookEventTypeSchema } from "../schemas/webhooks";
import { webhookEvents, webhookEventsByResource } from "./events";

describe("webhook event catalog", () => {
  it("lists every event once, typed `resource.action` under its own resource", () => {
    const types = webhookEvents.map((event) => event.type);
    expect(new Set(types).size).toBe(types.length);
    expect(types).toHaveLength(26);
    for (const event of webhookEvents) {
      expect(event.type).toMatch(/^[a-z]+\.[a-z]+$/);
      expect(event.type.split(".")[0]).toBe(event.resource);
      expect(event.description).toMatch(/^[A-Z].*\.$/);
    }
  });

  it("validates event types against the catalog", () => {
    expect(webhookEventTypeSchema.parse("issue.assigned")).toBe("issue.assigned");
    expect(webhookEventTypeSchema.safeParse("issue.exploded").success).toBe(false);
  });

  it("groups events by resource, keeping the catalog's order", () => {
    const groups = webhookEventsByResource();
    expect(groups.map((group) => group.resource)).toEqual([
      "project",
      "cycle",
      "module",
      "issue",
      "comment",
      "document",
      "integration",
      "endpoint",
      "certificate",
      "webhook",
    ]);
    expect(groups.find((group) => group.resource === "cycle")?.events.map((e) => e.type)).toEqual([
      "cycle.created",
      "cycle.updated",
      "cycle.deleted",
      "cycle.started",
      "cycle.completed",
    ]);
    expect(groups.flatMap((group) => group.events)).toEqual(webhookEvents);
  });
});
