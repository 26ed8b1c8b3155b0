/** Dates in the reader's locale; relative phrases for recent and upcoming moments. */
export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(new Date(iso));
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

export function formatRelative(iso: string, now = Date.now()): string {
  const delta = Date.parse(iso) - now;
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  for (const [unit, ms] of units) {
    if (Math.abs(delta) >= ms || unit === "minute")
      return format.format(Math.round(delta / ms), unit);
  }
  return format.format(0, "minute");
}
