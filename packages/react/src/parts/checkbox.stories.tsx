import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, userEvent, within } from "storybook/test";
import { useRootProps } from "../provider/root-props";
import { Checkbox } from "./checkbox";

/** Each state of the box beside its label, in a themed root; all but the disabled one toggle. */
function Choices() {
  const root = useRootProps("pb-checkbox-story");
  const [digest, setDigest] = useState(false);
  const [mentions, setMentions] = useState(true);
  const [events, setEvents] = useState<boolean | "indeterminate">("indeterminate");
  return (
    <div {...root} style={{ display: "grid", gap: 8, padding: 12 }}>
      <label className="pb-choice">
        <Checkbox checked={digest} onCheckedChange={setDigest} />
        Daily digest
      </label>
      <label className="pb-choice">
        <Checkbox checked={mentions} onCheckedChange={setMentions} />
        Mentions
      </label>
      <label className="pb-choice">
        <Checkbox checked={events} onCheckedChange={setEvents} />
        All issue events
      </label>
      <label className="pb-choice">
        <Checkbox checked disabled onCheckedChange={() => {}} />
        Security alerts (always on)
      </label>
    </div>
  );
}

const meta = {
  title: "Parts/Checkbox",
  component: Choices,
  parameters: { layout: "fullscreen" },
} satisfies Meta<typeof Choices>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Unchecked, checked, indeterminate ("some of a group") and disabled. */
export const States: Story = {
  tags: ["screenshot"],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("checkbox", { name: "Daily digest" })).not.toBeChecked();
    await expect(canvas.getByRole("checkbox", { name: "Mentions" })).toBeChecked();
    await expect(canvas.getByRole("checkbox", { name: "All issue events" })).toBePartiallyChecked();
    await expect(canvas.getByRole("checkbox", { name: /Security alerts/ })).toBeDisabled();
  },
};

/** Toggled by role: a click ticks the box, its label's text unticks it, Space ticks it again. */
export const Toggle: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const digest = canvas.getByRole("checkbox", { name: "Daily digest" });
    await userEvent.click(digest);
    await expect(digest).toBeChecked();
    await expect(digest).toHaveAttribute("data-state", "checked");
    await userEvent.click(canvas.getByText("Daily digest"));
    await expect(digest).not.toBeChecked();
    digest.focus();
    await userEvent.keyboard(" ");
    await expect(digest).toBeChecked();

    const events = canvas.getByRole("checkbox", { name: "All issue events" });
    await userEvent.click(events);
    await expect(events).toBeChecked();

    const alerts = canvas.getByRole("checkbox", { name: /Security alerts/ });
    await userEvent.click(alerts);
    await expect(alerts).toBeChecked();
  },
};
