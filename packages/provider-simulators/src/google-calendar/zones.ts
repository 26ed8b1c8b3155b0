/**
 * Google answers every `dateTime` in the calendar's own offset, whatever offset it was sent in:
 * these turn an instant into that wall-clock form and back.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      timeZoneName: "longOffset",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The wall clock of `instant` in `timeZone`: date `2026-03-29`, time `10:00:00`, offset `+02:00`. */
export function wallClock(instant: number, timeZone: string) {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  const offset = (parts.timeZoneName ?? "GMT").replace("GMT", "") || "+00:00";
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}:${parts.second}`,
    offset,
  };
}

/** RFC 3339 with the zone's offset at that instant: `2026-03-29T10:00:00+02:00`. */
export function inZone(instant: number, timeZone: string): string {
  const clock = wallClock(instant, timeZone);
  return `${clock.date}T${clock.time}${clock.offset === "+00:00" ? "Z" : clock.offset}`;
}

/** Whole days from `from` to `to`, both `YYYY-MM-DD`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The instant at which the wall clock in `timeZone` reads `date`T`time` (DST-safe). */
export function instantOf(date: string, time: string, timeZone: string): number {
  const guess = Date.parse(`${date}T${time}Z`);
  // Two corrections settle on the right offset, also across a DST change.
  let instant = guess;
  for (let step = 0; step < 2; step++) {
    const clock = wallClock(instant, timeZone);
    const shown = Date.parse(`${clock.date}T${clock.time}Z`);
    instant += guess - shown;
  }
  return instant;
}
