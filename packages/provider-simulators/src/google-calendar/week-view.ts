import { escapeHtml } from "../html";
import type { CalendarApi } from "./calendar-api";
import { addDays, wallClock } from "./zones";

const styles = `
:root { color-scheme: light dark; font: 14px/1.4 system-ui, sans-serif; }
body { margin: 1rem; }
.week { display: grid; grid-template-columns: repeat(7, minmax(7rem, 1fr)); gap: .25rem; }
.day { border: 1px solid #8886; border-radius: 6px; min-height: 12rem; padding: .25rem; }
.day.over { outline: 2px dashed #1a73e8; }
.day h2 { font-size: .85rem; margin: 0 0 .25rem; }
.event { background: #1a73e8; color: white; border-radius: 4px; padding: .2rem .35rem; margin-bottom: .25rem; cursor: grab; }
.event form { display: flex; gap: .25rem; margin-top: .2rem; }
.event input { font: inherit; width: 8.5rem; }
nav { display: flex; gap: 1rem; margin-bottom: .5rem; align-items: center; }
`;

/** Monday of the week holding `date`. */
function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/**
 * A week of one calendar as a person sees it in Google Calendar: an event is dragged to another
 * day (or moved with its date field), which changes it as that person, so the change reaches the
 * sync like any edit made in Google Calendar. The page reloads itself when the calendar changes.
 */
export function weekView(api: CalendarApi, now: () => number) {
  return async function handle(request: Request, path: string): Promise<Response | null> {
    const url = new URL(request.url);
    const calendarId = url.searchParams.get("calendar") ?? "primary@sim.example";
    const calendar = api.calendars.get(calendarId);
    if (path === "/calendar/week/version" && request.method === "GET") {
      return new Response(String(calendar?.changes ?? 0), {
        headers: { "cache-control": "no-store" },
      });
    }
    if (path === "/calendar/week/move" && request.method === "POST") {
      const form = new URLSearchParams(await request.text());
      const target = form.get("date") ?? "";
      const event = form.get("event") ?? "";
      const calendar = api.calendars.get(form.get("calendar") ?? "");
      if (!calendar?.events.has(event) || !/^\d{4}-\d{2}-\d{2}$/.test(target)) {
        return new Response("No such event or date", { status: 400 });
      }
      api.moveToDay(calendar.id, event, target);
      const back = new URL("/calendar/week", url);
      back.searchParams.set("calendar", calendar.id);
      back.searchParams.set("date", target);
      return new Response(null, { status: 303, headers: { location: back.toString() } });
    }
    if (path !== "/calendar/week" || request.method !== "GET") return null;
    if (!calendar) return new Response("No such calendar", { status: 404 });
    const today = wallClock(now(), calendar.timeZone).date;
    const monday = mondayOf(url.searchParams.get("date") ?? today);
    const days = Array.from({ length: 7 }, (_, index) => addDays(monday, index));
    const events = api.visibleEvents(calendar.id);
    const column = (day: string) => {
      const chips = events
        .filter((event) => {
          const stored = calendar.events.get(String(event.id));
          return stored !== undefined && api.startDate(calendar, stored) === day;
        })
        .map((event) => {
          const start = event.start as { date?: string; dateTime?: string };
          const time = start.dateTime ? `${start.dateTime.slice(11, 16)} ` : "";
          const title = `${time}${String(event.summary ?? "(No title)")}`;
          return `<article class="event" draggable="true" data-event="${escapeHtml(String(event.id))}" aria-label="${escapeHtml(title)}">
<div>${escapeHtml(title)}</div>
<form method="post" action="/calendar/week/move"><input type="hidden" name="event" value="${escapeHtml(String(event.id))}">
<input type="hidden" name="calendar" value="${escapeHtml(calendar.id)}">
<input type="date" name="date" value="${day}" aria-label="Move ${escapeHtml(title)} to"><button>Move</button></form></article>`;
        })
        .join("");
      const label = new Date(`${day}T12:00:00Z`).toUTCString().slice(0, 11);
      return `<section class="day" data-date="${day}" aria-label="${label}"><h2>${label}</h2>${chips}</section>`;
    };
    const link = (date: string, text: string) =>
      `<a href="/calendar/week?calendar=${encodeURIComponent(calendar.id)}&amp;date=${date}">${text}</a>`;
    const script = `
const calendar = ${JSON.stringify(calendar.id)};
let version = ${JSON.stringify(String(calendar.changes))};
for (const chip of document.querySelectorAll(".event")) {
  chip.addEventListener("dragstart", (e) => e.dataTransfer.setData("text/plain", chip.dataset.event));
}
for (const day of document.querySelectorAll(".day")) {
  day.addEventListener("dragover", (e) => { e.preventDefault(); day.classList.add("over"); });
  day.addEventListener("dragleave", () => day.classList.remove("over"));
  day.addEventListener("drop", async (e) => {
    e.preventDefault();
    const body = new URLSearchParams({ calendar, event: e.dataTransfer.getData("text/plain"), date: day.dataset.date });
    await fetch("/calendar/week/move", { method: "POST", body, redirect: "manual" });
    location.reload();
  });
}
setInterval(async () => {
  const now = await (await fetch("/calendar/week/version?calendar=" + encodeURIComponent(calendar))).text();
  if (now !== version) location.reload();
}, 400);`;
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(calendar.summary)} · Google Calendar (simulated)</title><style>${styles}</style></head><body>
<h1>${escapeHtml(calendar.summary)}</h1>
<nav>${link(addDays(monday, -7), "Previous week")}<strong>Week of ${monday}</strong>${link(addDays(monday, 7), "Next week")}<span>${escapeHtml(calendar.timeZone)}</span></nav>
<main class="week">${days.map(column).join("")}</main><script>${script}</script></body></html>`;
    return new Response(html, {
      headers: {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
        "content-security-policy":
          "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; form-action 'self'",
      },
    });
  };
}
