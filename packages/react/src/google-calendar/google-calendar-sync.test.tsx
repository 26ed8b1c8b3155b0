import {
  createMockPlugboard,
  fixtureIdentities,
  mockPlugboardHandlers,
  plugboardErrorHandlers,
} from "@plugboard/mocks";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { chooseOption } from "../test/choose-option";
import { renderWithPlugboard } from "../test/render";
import { server } from "../test/server";
import { findToast } from "../test/toasts";
import { GoogleCalendarSync } from "./google-calendar-sync";

const projects = [
  { id: "prj_web", name: "Web" },
  { id: "prj_ops", name: "Ops" },
];

function mockKit(options: Parameters<typeof createMockPlugboard>[0] = {}) {
  const mock = createMockPlugboard(options);
  server.use(...mockPlugboardHandlers(mock));
  return mock;
}

describe("GoogleCalendarSync", () => {
  it("asks to connect Google Calendar first", async () => {
    mockKit();
    renderWithPlugboard(<GoogleCalendarSync projects={projects} />);
    // The loading skeleton is a status too: wait for the one that says what to do.
    await waitFor(() =>
      expect(screen.getByRole("status")).toHaveTextContent("Connect Google Calendar"),
    );
  });

  it("sets up a sync: calendar from Google's list, projects, direction; then shows its status", async () => {
    const mock = mockKit({ googleCalendar: "connected" });
    renderWithPlugboard(<GoogleCalendarSync projects={projects} timeZone="Europe/Berlin" />);
    const region = await screen.findByRole("region", { name: "Google Calendar sync" });
    const calendar = await within(region).findByRole("combobox", { name: "Calendar" });
    // Google's calendars (two here) and "a new calendar", in the Select part's listbox.
    await userEvent.click(calendar);
    const listbox = await screen.findByRole("listbox");
    await waitFor(() => expect(within(listbox).getAllByRole("option")).toHaveLength(3));
    await userEvent.click(within(listbox).getByRole("option", { name: "Team releases" }));
    expect(calendar).toHaveTextContent("Team releases");
    await userEvent.click(within(region).getByRole("checkbox", { name: "Web" }));
    await userEvent.click(within(region).getByRole("button", { name: "Save and sync" }));
    expect(await within(region).findByRole("alert")).toHaveTextContent(
      "Pick at least one project.",
    );
    await userEvent.click(within(region).getByRole("checkbox", { name: "Ops" }));
    await userEvent.click(within(region).getByRole("radio", { name: "Only to the calendar" }));
    await chooseOption(
      userEvent,
      within(region).getByRole("combobox", { name: /deleted/i }),
      "Put the event back",
    );
    await userEvent.click(within(region).getByRole("button", { name: "Save and sync" }));
    expect(await findToast("Calendar sync saved.")).toBeVisible();
    const status = await within(region).findByLabelText("Sync status");
    expect(within(status).getByText("Team releases")).toBeInTheDocument();
    expect(within(status).getByText("Only to the calendar")).toBeInTheDocument();
    expect(within(status).getByText("Ops")).toBeInTheDocument();
    const [saved] = await mock.store.googleCalendar.listSyncs("org_acme");
    expect(saved).toMatchObject({
      calendarId: "team@group.calendar.google.com",
      projectIds: ["prj_ops"],
      direction: "to_calendar",
      onEventDeleted: "recreate_event",
      timeZone: "Europe/Berlin",
    });
  });

  it("shows the last sync, counts and conflicts, and queues a sync now", async () => {
    mockKit({ googleCalendar: "synced" });
    renderWithPlugboard(<GoogleCalendarSync projects={projects} />);
    const region = await screen.findByRole("region", { name: "Google Calendar sync" });
    const list = await within(region).findByLabelText("Sync status");
    expect(within(list).getByText("3")).toBeInTheDocument();
    expect(within(list).getByText("1")).toBeInTheDocument();
    expect(within(list).getByText("Web")).toBeInTheDocument();
    await userEvent.click(within(region).getByRole("button", { name: "Sync now" }));
    expect(await findToast("A sync is on its way.")).toBeVisible();
  });

  it("says when the connection needs a reconnect, with the last error, and does not sync", async () => {
    mockKit({ googleCalendar: "needs_reconnect" });
    renderWithPlugboard(<GoogleCalendarSync projects={projects} />);
    const region = await screen.findByRole("region", { name: "Google Calendar sync" });
    expect(await within(region).findByRole("alert")).toHaveTextContent(
      "Reconnect it to keep syncing.",
    );
    expect(within(region).getByText(/no longer accepts this connection$/)).toBeInTheDocument();
    expect(within(region).getByRole("button", { name: "Sync now" })).toHaveAttribute(
      "aria-disabled",
      "true",
    );
  });

  it("a member sees the organization's state but not someone else's connection", async () => {
    mockKit({ googleCalendar: "synced", identity: fixtureIdentities.member });
    renderWithPlugboard(<GoogleCalendarSync projects={projects} />);
    // The loading skeleton is a status too: wait for the one that says what to do.
    await waitFor(() =>
      expect(screen.getByRole("status")).toHaveTextContent("Connect Google Calendar"),
    );
  });

  it("shows a load error", async () => {
    server.use(...plugboardErrorHandlers("internal_error"));
    renderWithPlugboard(<GoogleCalendarSync projects={projects} />);
    expect(await screen.findByRole("alert")).toBeInTheDocument();
  });
});
