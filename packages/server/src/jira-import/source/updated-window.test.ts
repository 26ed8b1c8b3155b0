import { describe, expect, it } from "vitest";
import { jqlDateLiteral, updatedSinceJql } from "./updated-window";

describe("the updated window of an incremental run", () => {
  it("writes the instant in the Jira user's zone, offsets changing with DST", () => {
    // Paris: UTC+1 in winter, UTC+2 from 2026-03-29 01:00 UTC.
    expect(jqlDateLiteral(Date.parse("2026-01-15T09:05:59Z"), "Europe/Paris")).toBe(
      "2026-01-15 10:05",
    );
    expect(jqlDateLiteral(Date.parse("2026-03-29T00:59:00Z"), "Europe/Paris")).toBe(
      "2026-03-29 01:59",
    );
    expect(jqlDateLiteral(Date.parse("2026-03-29T01:00:00Z"), "Europe/Paris")).toBe(
      "2026-03-29 03:00",
    );
    expect(jqlDateLiteral(Date.parse("2026-07-01T23:30:00Z"), "America/New_York")).toBe(
      "2026-07-01 19:30",
    );
  });

  it("starts an hour and a minute early: a repeated fall-back hour and the lost seconds are read again", () => {
    // Paris falls back at 2026-10-25 01:00 UTC: 02:30 local happens at 00:30 and at 01:30 UTC.
    const lastRun = Date.parse("2026-10-25T01:30:40Z");
    const jql = updatedSinceJql(null, lastRun, "Europe/Paris");
    expect(jql).toBe('updated >= "2026-10-25 02:29"');
    // Read as the later 02:29 (01:29 UTC), it still begins before the last run did.
    expect(Date.parse("2026-10-25T01:29:00Z")).toBeLessThan(lastRun);
    expect(updatedSinceJql("labels = api", lastRun, "UTC")).toBe(
      '(labels = api) AND updated >= "2026-10-25 00:29"',
    );
  });
});
