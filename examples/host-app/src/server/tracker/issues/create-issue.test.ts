import { hostIssueSchema } from "@plugboard/core";
import { describe, expect, it } from "vitest";
import { openTestTracker } from "../tracker.test-helper";
import { createIssue } from "./create-issue";
import { getIssueByKey } from "./get-issue-by-key";

describe("issues.create", () => {
  it("numbers the issue after the project's last, starts it in Todo and announces issue.created", async () => {
    const { context, ada, published } = openTestTracker();
    const issue = await createIssue(context, ada, {
      projectId: "prj_demo",
      title: "  Login is broken  ",
      priority: "urgent",
      assigneeId: "user_grace",
      dueDate: "2026-12-24",
    });
    expect(hostIssueSchema.parse(issue)).toMatchObject({
      key: "DEMO-4",
      title: "Login is broken",
      stateId: "st_todo",
      priority: "urgent",
      assigneeId: "user_grace",
      dueDate: "2026-12-24",
      description: null,
      url: "http://demo.test/issues/DEMO-4",
    });
    expect(await getIssueByKey(context, ada, "DEMO-4")).toEqual(issue);
    expect(published).toEqual([
      {
        organizationId: "org_acme",
        projectId: "prj_demo",
        type: "issue.created",
        data: { issue, actor: { userId: "user_ada" } },
        idempotencyKey: `${issue.id}:issue.created`,
      },
    ]);
    const next = await createIssue(context, ada, { projectId: "prj_demo", title: "Second" });
    expect(next.key).toBe("DEMO-5");
  });

  it("refuses bad input field by field and writes nothing", async () => {
    const { context, ada, stranger, published } = openTestTracker();
    const cases: [unknown, string][] = [
      [{ projectId: "prj_demo", title: " " }, "title"],
      [{ projectId: "prj_demo", title: "x", priority: "whenever" }, "priority"],
      [{ projectId: "prj_demo", title: "x", dueDate: "next week" }, "dueDate"],
      [{ projectId: "prj_demo", title: "x", stateId: "st_nope" }, "stateId"],
      [{ projectId: "prj_demo", title: "x", assigneeId: "user_linus" }, "assigneeId"],
      [{ projectId: "prj_other", title: "x" }, "projectId"],
      [{ projectId: "prj_demo", title: "x", owner: "me" }, ""],
    ];
    for (const [input, path] of cases) {
      await expect(createIssue(context, ada, input), path).rejects.toMatchObject({
        code: "validation_failed",
        status: 400,
      });
    }
    // Another organization's project is not there at all.
    await expect(
      createIssue(context, stranger, { projectId: "prj_demo", title: "x" }),
    ).rejects.toMatchObject({ errors: [{ path: "projectId" }] });
    const count = context.db.prepare("SELECT count(*) AS n FROM issues").get() as { n: number };
    expect(count.n).toBe(3);
    expect(published).toEqual([]);
  });
});
