import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { useRootProps } from "../provider/root-props";
import { findToast } from "../test/toasts";
import { type ToastTone, useNotify } from "./toast";

/** Two writes whose outcomes the provider's toasts say: one that worked, one that failed. */
function Outcomes({ success, failure }: { success: string; failure: string }) {
  const notify = useNotify();
  const root = useRootProps("pb-toast-story");
  const say = (text: string, tone: ToastTone) => () => notify(text, tone);
  return (
    <div {...root} style={{ display: "flex", gap: 8, padding: 12 }}>
      <button type="button" className="pb-button" onClick={say(success, "success")}>
        Revoke
      </button>
      <button type="button" className="pb-button" onClick={say(failure, "error")}>
        Send test
      </button>
    </div>
  );
}

const meta = {
  title: "Parts/Toast",
  component: Outcomes,
  args: { success: 'API key "Zapier" revoked.', failure: "Test event: Failed (HTTP 503)" },
  parameters: { layout: "fullscreen" },
} satisfies Meta<typeof Outcomes>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A success and a failure, stacked in the Notifications landmark at the bottom edge. */
export const SuccessAndFailure: Story = {
  tags: ["screenshot"],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Revoke" }));
    await userEvent.click(canvas.getByRole("button", { name: "Send test" }));
    await expect(await findToast('API key "Zapier" revoked.')).toHaveAttribute(
      "data-tone",
      "success",
    );
    await expect(await findToast("Test event: Failed (HTTP 503)")).toHaveAttribute(
      "data-tone",
      "error",
    );
  },
};
