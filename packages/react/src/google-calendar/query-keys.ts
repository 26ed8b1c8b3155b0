export const calendarKeys = {
  all: ["plugboard", "google-calendar"] as const,
  syncs: () => [...calendarKeys.all, "syncs"] as const,
  calendars: (installationId: string) =>
    [...calendarKeys.all, "calendars", installationId] as const,
};
