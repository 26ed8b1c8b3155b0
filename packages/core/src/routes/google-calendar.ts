import type { googleCalendarContracts } from "../contracts/google-calendar";
import { type RoutePath, routesOf } from "./route";

/** Where each Google Calendar route lives; `googleCalendarContracts` adds the schemas. */
export const googleCalendarPaths = {
  syncs: { method: "GET", path: "/google-calendar/syncs" },
  calendars: { method: "GET", path: "/google-calendar/connections/:installationId/calendars" },
  save: { method: "PUT", path: "/google-calendar/connections/:installationId/sync" },
  run: { method: "POST", path: "/google-calendar/syncs/:syncId/run" },
  remove: { method: "DELETE", path: "/google-calendar/syncs/:syncId" },
} as const satisfies Record<string, RoutePath>;

/** The Google Calendar contracts without zod: method and path, typed from the schemas. */
export const googleCalendarRoutes = routesOf<typeof googleCalendarContracts>(googleCalendarPaths);
