import { describe, expect, it } from "vitest";
import { openTestTracker } from "../tracker.test-helper";
import { getIssueByKey } from "./get-issue-by-key";

describe("issues.getByKey", () => {
  it("finds an issue by key in any case, and only in the caller's organization", async () => {
    const { context, ada, stranger } = openTestTracker();
    expect(await getIssueByKey(context, ada, "demo-2")).toMatchObject({
      id: "iss_demo_2",
      key: "DEMO-2",
      stateId: "st_in_progress",
    });
    expect(await getIssueByKey(context, ada, "DEMO-99")).toBeNull();
    expect(await getIssueByKey(context, stranger, "DEMO-2")).toBeNull();
  });
});
