import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { lazyComponent } from "./lazy-component";

const placeholder = { rootClass: "pb-webhooks", label: () => "Loading webhooks" };

// Code that never arrives, code that never downloads, and code that downloads on the second try.
const NeverLoads = lazyComponent<{ className?: string }>(() => new Promise(() => {}), placeholder);
const AlwaysFails = lazyComponent<{ className?: string }>(async () => {
  throw new TypeError("Failed to fetch dynamically imported module");
}, placeholder);
let attempts = 0;
const FailsOnce = lazyComponent<{ className?: string }>(async () => {
  attempts += 1;
  if (attempts === 1) throw new TypeError("Failed to fetch dynamically imported module");
  return () => <p>The component, loaded on the second try.</p>;
}, placeholder);

function Example({ state }: { state: "loading" | "failed" | "failedOnce" }) {
  if (state === "loading") return <NeverLoads />;
  return state === "failed" ? <AlwaysFails /> : <FailsOnce />;
}

/**
 * What an exported component shows before its code has arrived (`lazyComponent`): a placeholder
 * in the component's own box, and when the download fails, a message with Try again.
 */
const meta = {
  title: "Parts/Component loading",
  component: Example,
} satisfies Meta<typeof Example>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The code is on its way: a busy region named after the component, in its card. */
export const LoadingCode: Story = {
  tags: ["screenshot"],
  args: { state: "loading" },
  play: async ({ canvasElement }) => {
    const region = within(canvasElement).getByRole("region", { name: "Loading webhooks" });
    await expect(region).toHaveAttribute("aria-busy", "true");
    await expect(region).toHaveAttribute("data-state", "loading");
  },
};

/** The download failed (offline, or a deploy replaced the file): the page stays and says so. */
export const LoadFailed: Story = {
  tags: ["screenshot"],
  args: { state: "failed" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("alert")).toHaveTextContent(
      "This section could not be loaded. Check your connection and try again.",
    );
    await expect(canvas.getByRole("button", { name: "Try again" })).toBeEnabled();
  },
};

/** Try again downloads the code anew and shows the component. */
export const TryAgainLoads: Story = {
  args: { state: "failedOnce" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole("alert");
    await userEvent.click(canvas.getByRole("button", { name: "Try again" }));
    await expect(await canvas.findByText("The component, loaded on the second try.")).toBeVisible();
  },
};
