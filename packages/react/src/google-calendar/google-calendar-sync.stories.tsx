/// <reference types="msw-storybook-addon/csf3" />
import { fixtureIdentities } from "@plugboard/mocks";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, screen, userEvent, waitFor, within } from "storybook/test";
import { errorStory, expectStatus, findRegion, loadingStory, mockApi } from "../test/story-states";
import { findToast } from "../test/toasts";
import { GoogleCalendarSync } from "./google-calendar-sync";

const meta = {
  title: "Google Calendar/GoogleCalendarSync",
  component: GoogleCalendarSync,
  args: {
    projects: [
      { id: "prj_web", name: "Web" },
      { id: "prj_ops", name: "Ops" },
    ],
    timeZone: "Europe/Berlin",
  },
} satisfies Meta<typeof GoogleCalendarSync>;

export default meta;
type Story = StoryObj<typeof meta>;

const region = (canvasElement: HTMLElement) => findRegion(canvasElement, "Google Calendar sync");

/** Syncing Ada's primary calendar: last sync, 3 events, 1 conflict settled; Sync now. */
export const Synced: Story = {
  tags: ["screenshot"],
  parameters: mockApi({ googleCalendar: "synced" }),
  play: async ({ canvasElement }) => {
    const status = await within(await region(canvasElement)).findByLabelText("Sync status");
    await expect(within(status).getByText("Ada Lovelace")).toBeVisible();
  },
};

/** Connected, not set up yet: the calendar picker lists Google's calendars. */
export const SetUp: Story = {
  tags: ["screenshot"],
  parameters: mockApi({ googleCalendar: "connected" }),
  play: async ({ canvasElement }) => {
    const calendar = await within(await region(canvasElement)).findByRole("combobox", {
      name: "Calendar",
    });
    // Google's primary calendar preselected; the picker offers both of Google's and "a new one".
    await waitFor(() => expect(calendar).toHaveTextContent("Ada Lovelace"));
    await userEvent.click(calendar);
    const listbox = await screen.findByRole("listbox");
    await waitFor(() => expect(within(listbox).getAllByRole("option")).toHaveLength(3));
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("listbox")).not.toBeInTheDocument());
  },
};

/** Sync now queues a full sync. */
export const SyncNow: Story = {
  parameters: mockApi({ googleCalendar: "synced" }),
  play: async ({ canvasElement }) => {
    const section = await region(canvasElement);
    await userEvent.click(await within(section).findByRole("button", { name: "Sync now" }));
    await expect(await findToast("A sync is on its way.")).toBeVisible();
  },
};

/** Google refused to refresh the token: reconnect first; the last error is shown. */
export const NeedsReconnect: Story = {
  tags: ["screenshot"],
  parameters: mockApi({ googleCalendar: "needs_reconnect" }),
  play: async ({ canvasElement }) => {
    await expect(await within(await region(canvasElement)).findByRole("alert")).toHaveTextContent(
      "Reconnect it to keep syncing.",
    );
  },
};

export const NotConnected: Story = {
  parameters: mockApi({ fixtures: "empty" }),
  play: ({ canvasElement }) => expectStatus(canvasElement, "Connect Google Calendar"),
};

/** Ada's own connection is private: Grace sees none. */
export const Member: Story = {
  parameters: mockApi({ googleCalendar: "synced", identity: fixtureIdentities.member }),
  play: ({ canvasElement }) => expectStatus(canvasElement, "Connect Google Calendar"),
};

export const Loading: Story = { ...loadingStory("Google Calendar sync"), tags: ["screenshot"] };

export const LoadError: Story = errorStory();
