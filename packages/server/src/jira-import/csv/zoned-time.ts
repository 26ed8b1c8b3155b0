const months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/**
 * A date as Jira's CSV export writes it, in the export's zone, to an ISO instant. Exports carry
 * no offset, so the zone is the one the person who exported chose (asked at upload). Reads
 * Jira's default `05/Jan/26 9:00 AM`, and `2026-01-05 09:00` / `2026-01-05` for custom formats.
 */
export function csvDate(value: string, timeZone: string): string | null {
  const wall = readWallTime(value.trim());
  if (!wall) return null;
  return new Date(zonedToUtc(wall, timeZone)).toISOString();
}

/** A due date: a calendar date, no zone involved. */
export function csvDay(value: string): string | null {
  const wall = readWallTime(value.trim());
  if (!wall) return null;
  return `${wall.year}-${String(wall.month).padStart(2, "0")}-${String(wall.day).padStart(2, "0")}`;
}

function readWallTime(value: string): WallTime | null {
  const jira = /^(\d{1,2})\/([A-Za-z]{3})\/(\d{2,4})(?:\s+(\d{1,2}):(\d{2})\s*([AP]M)?)?$/i.exec(
    value,
  );
  if (jira) {
    const [, day, mon, yy, hh, mm, meridiem] = jira;
    const month = months.indexOf((mon as string).toLowerCase()) + 1;
    if (month === 0) return null;
    let hour = Number(hh ?? 0);
    if (meridiem) hour = (hour % 12) + (meridiem.toUpperCase() === "PM" ? 12 : 0);
    const year = Number(yy) < 100 ? 2000 + Number(yy) : Number(yy);
    return valid({ year, month, day: Number(day), hour, minute: Number(mm ?? 0) });
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/.exec(value);
  if (iso) {
    const [, year, month, day, hh, mm] = iso;
    return valid({
      year: Number(year),
      month: Number(month),
      day: Number(day),
      hour: Number(hh ?? 0),
      minute: Number(mm ?? 0),
    });
  }
  return null;
}

function valid(wall: WallTime): WallTime | null {
  const date = new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute));
  return date.getUTCDate() === wall.day && wall.hour < 24 && wall.minute < 60 ? wall : null;
}

/** One formatter per zone: building one costs far more than using it (rows × dates). */
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
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The zone's offset from UTC at instant `ms`, in ms, from the runtime's own zone data. */
function offsetAt(ms: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(ms))
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  const asUtc = Date.UTC(
    parts.year as number,
    (parts.month as number) - 1,
    parts.day as number,
    parts.hour as number,
    parts.minute as number,
    parts.second as number,
  );
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** Wall time in a zone to UTC; checked twice so a date across a DST change gets its own offset. */
function zonedToUtc(wall: WallTime, timeZone: string): number {
  const guess = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const first = guess - offsetAt(guess, timeZone);
  return guess - offsetAt(first, timeZone);
}
