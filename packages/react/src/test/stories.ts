import { plugboardHandlers } from "@plugboard/mocks";
import { expect, waitFor, within } from "storybook/test";

/** A story's msw handlers, each story on its own store so its changes never leak into another. */
export function mock(options: Parameters<typeof plugboardHandlers>[0] = {}) {
  return { msw: { handlers: plugboardHandlers(options) } };
}

/** The component's region once its first load has settled (loaded, empty or failed). */
export async function loadedRegion(canvasElement: HTMLElement, name: string) {
  const region = await within(canvasElement).findByRole("region", { name });
  await waitFor(() => expect(region).not.toHaveAttribute("data-state", "loading"));
  return region;
}
