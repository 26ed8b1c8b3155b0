const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

/** A wire timestamp for people, in their locale and time zone. */
export function formatTime(iso: string): string {
  return dateTime.format(new Date(iso));
}
