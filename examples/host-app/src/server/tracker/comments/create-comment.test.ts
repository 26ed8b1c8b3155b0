import { hostCommentSchema } from "@plugboard/core";
import { describe, expect, it } from "vitest";
import { openTestTracker } from "../tracker.test-helper";
import { createComment } from "./create-comment";
import { listComments } from "./list-comments";

describe("comments.create", () => {
  it("adds a comment by the person (an integration's has no author) and announces it", async () => {
    const { context, ada, github, published } = openTestTracker();
    const comment = await createComment(context, ada, { issueId: "iss_demo_1", body: " Looking " });
    expect(hostCommentSchema.parse(comment)).toMatchObject({
      issueId: "iss_demo_1",
      body: "Looking",
      authorId: "user_ada",
    });
    const bot = await createComment(context, github, { issueId: "iss_demo_1", body: "PR #3" });
    expect(bot.authorId).toBeNull();
    expect(listComments(context, "iss_demo_1")).toEqual([comment, bot]);
    expect(published[0]).toMatchObject({
      type: "comment.created",
      projectId: "prj_demo",
      data: { comment, issue: { key: "DEMO-1", url: "http://demo.test/issues/DEMO-1" } },
    });
  });

  it("refuses an empty body and another organization's issue", async () => {
    const { context, ada, stranger, published } = openTestTracker();
    await expect(
      createComment(context, ada, { issueId: "iss_demo_1", body: "  " }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    await expect(
      createComment(context, stranger, { issueId: "iss_demo_1", body: "hi" }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(listComments(context, "iss_demo_1")).toEqual([]);
    expect(published).toEqual([]);
  });
});
