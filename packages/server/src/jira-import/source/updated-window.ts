/**
 * How far before the last run's start an incremental run reads again. JQL date literals have
 * minute precision and are read in the Jira user's zone, where a fall-back hour occurs twice
 * (Jira may take the later one): an hour and a minute covers both. Re-reading an issue only
 * updates it again.
 */
export const updatedWindowOverlapMs = 61 * 60_000;

/** An instant as a JQL date literal in the Jira user's zone: `2026-03-29 03:30`. */
export function jqlDateLiteral(at: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(at));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((candidate) => candidate.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}`;
}

/** The run's filter: the person's JQL (if any) and issues updated since `since`, less the overlap. */
export function updatedSinceJql(jql: string | null, since: number, timeZone: string): string {
  const window = `updated >= "${jqlDateLiteral(since - updatedWindowOverlapMs, timeZone)}"`;
  return jql ? `(${jql}) AND ${window}` : window;
}
