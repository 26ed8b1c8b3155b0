import { describe, expect, it } from "vitest";
import { openTestTracker } from "../tracker.test-helper";
import { createIssue } from "./create-issue";
import { searchIssues } from "./search-issues";

describe("issues.search", () => {
  it("ranks an exact key first, then title matches, and honours the limit and project", async () => {
    const { context, ada, stranger, advance } = openTestTracker();
    advance(1000);
    await createIssue(context, ada, {
      projectId: "prj_demo",
      title: "Mobile menu",
      description: "See DEMO-1 for the checkout",
    });
    const keys = async (query: Parameters<typeof searchIssues>[2]) =>
      (await searchIssues(context, ada, query)).map((issue) => issue.key);
    expect(await keys({ text: "demo-1" })).toEqual(["DEMO-1", "DEMO-4"]);
    expect(await keys({ text: "mobile" })).toEqual(["DEMO-4", "DEMO-1"]);
    expect(await keys({})).toEqual(["DEMO-4", "DEMO-1", "DEMO-2", "DEMO-3"]);
    expect(await keys({ limit: 1 })).toEqual(["DEMO-4"]);
    expect(await keys({ projectId: "prj_other" })).toEqual([]);
    // LIKE wildcards in the text are literal characters.
    expect(await keys({ text: "%" })).toEqual([]);
    expect(await searchIssues(context, stranger, {})).toEqual([]);
  });
});
