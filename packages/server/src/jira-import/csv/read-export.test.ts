import { createReadStream } from "node:fs";
import { describe, expect, it } from "vitest";
import { isMalformed, type JiraItem, type SourceRow } from "../source/item";
import { readJiraExport, splitCommentCell } from "./read-export";
import { csvDate } from "./zoned-time";

const fixture = new URL("./fixtures/jira-export.csv", import.meta.url).pathname;

async function readFixture(timeZone = "Europe/Paris") {
  const rows: SourceRow[] = [];
  for await (const row of readJiraExport(createReadStream(fixture), { timeZone })) rows.push(row);
  return rows;
}

describe("Jira CSV export", () => {
  it("reads every row, reporting the malformed one instead of stopping", async () => {
    const rows = await readFixture();
    expect(rows).toHaveLength(5);
    expect(rows.filter(isMalformed)).toEqual([
      { malformed: true, item: "ORB-4", reason: 'Created is not a date: "not a date"' },
    ]);
  });

  it("groups duplicate columns, keeps multi-line quoted fields, trims custom field names", async () => {
    const [, story] = (await readFixture()) as JiraItem[];
    expect(story?.labels).toEqual(["orbit", "ui"]);
    expect(story?.sprints.map((sprint) => sprint.name)).toEqual(["ORB Sprint 1", "ORB Sprint 2"]);
    expect(story?.description).toBe('Line one\nline two, with a comma\n"quoted" words');
    expect(story?.storyPoints).toBe(3);
    const [, , bug] = (await readFixture()) as JiraItem[];
    expect(bug?.customFields).toEqual({ Customer: "Initech" });
  });

  it("takes Parent as the parent's numeric id, and splits comments on the first two ;", async () => {
    const [epic, story] = (await readFixture()) as JiraItem[];
    expect(story?.parentId).toBe("10001");
    expect(epic?.comments[0]?.body).toBe("Kick-off notes; agenda below");
    expect(story?.comments.map((comment) => comment.body)).toEqual(["Done; see\nthe graph", "+1"]);
    expect(story?.comments[0]?.author?.accountId).toBe("5b10a2844c20165700ede21g");
    expect(splitCommentCell("only;two")).toBeNull();
  });

  it("reads dates in the export's zone, across a DST change", async () => {
    const [epic] = (await readFixture("Europe/Paris")) as JiraItem[];
    expect(epic?.created).toBe("2026-01-05T08:00:00.000Z");
    const [inNewYork] = (await readFixture("America/New_York")) as JiraItem[];
    expect(inNewYork?.created).toBe("2026-01-05T14:00:00.000Z");
    expect(csvDate("01/Jul/26 9:00 AM", "Europe/Paris")).toBe("2026-07-01T07:00:00.000Z");
    expect(csvDate("29/Mar/26 3:30 AM", "Europe/Paris")).toBe("2026-03-29T01:30:00.000Z");
    expect(csvDate("31/Feb/26 9:00 AM", "UTC")).toBeNull();
  });

  it("guesses a status category from the name when the export has none", async () => {
    const rows = (await readFixture()).filter((row): row is JiraItem => !isMalformed(row));
    expect(rows.map((row) => [row.status.name, row.status.category])).toEqual([
      ["In Progress", "indeterminate"],
      ["Done", "done"],
      ["To Do", "new"],
      ["Won't Do", "done"],
    ]);
  });
});
