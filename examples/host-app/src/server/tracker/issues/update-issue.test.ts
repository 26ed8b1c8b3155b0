import { describe, expect, it } from "vitest";
import { openTestTracker } from "../tracker.test-helper";
import { getIssueByKey } from "./get-issue-by-key";
import { updateIssue } from "./update-issue";

describe("issues.update", () => {
  it("changes only the fields sent, clears with null, and announces what changed", async () => {
    const { context, ada, published, advance } = openTestTracker();
    advance(60_000);
    const updated = await updateIssue(context, ada, "iss_demo_1", {
      title: "Checkout button overflows",
      assigneeId: "user_grace",
      dueDate: null,
    });
    expect(updated).toMatchObject({
      key: "DEMO-1",
      title: "Checkout button overflows",
      assigneeId: "user_grace",
      dueDate: null,
      priority: "high",
      stateId: "st_todo",
      updatedAt: "2026-11-30T12:01:00.000Z",
    });
    expect(await getIssueByKey(context, ada, "DEMO-1")).toEqual(updated);
    expect(published.map((event) => event.type)).toEqual(["issue.updated", "issue.assigned"]);
    expect(published[0]?.data).toMatchObject({
      changed: ["title", "assigneeId", "dueDate"],
      actor: { userId: "user_ada" },
    });
  });

  it("announces issue.completed when an integration moves it to a completed state", async () => {
    const { context, github, published } = openTestTracker();
    const done = await updateIssue(context, github, "iss_demo_2", { stateId: "st_done" });
    expect(done.stateId).toBe("st_done");
    expect(published.map((event) => [event.type, event.data.actor])).toEqual([
      ["issue.updated", { integration: "github" }],
      ["issue.completed", { integration: "github" }],
    ]);
    // The same change again changes nothing and announces nothing.
    await updateIssue(context, github, "iss_demo_2", { stateId: "st_done" });
    expect(published).toHaveLength(2);
  });

  it("refuses unknown issues, other organizations' issues and bad fields", async () => {
    const { context, ada, stranger, published } = openTestTracker();
    await expect(updateIssue(context, ada, "iss_nope", { title: "x" })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      updateIssue(context, stranger, "iss_demo_1", { title: "x" }),
    ).rejects.toMatchObject({ code: "not_found" });
    for (const changes of [{}, { title: "" }, { stateId: "st_nope" }, { assigneeId: "x" }]) {
      await expect(updateIssue(context, ada, "iss_demo_1", changes)).rejects.toMatchObject({
        code: "validation_failed",
      });
    }
    expect((await getIssueByKey(context, ada, "DEMO-1"))?.title).toBe(
      "Checkout button misaligned on mobile",
    );
    expect(published).toEqual([]);
  });
});
