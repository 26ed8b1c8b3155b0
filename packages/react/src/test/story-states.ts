import {
  plugboardErrorHandlers,
  plugboardHandlers,
  plugboardLoadingHandlers,
} from "@plugboard/mocks";
import { expect, waitFor, within } from "storybook/test";

/** A story's parameters: the Plugboard API from a store of its own, made with these options. */
export function mockApi(options: Parameters<typeof plugboardHandlers>[0] = {}) {
  return { msw: { handlers: plugboardHandlers(options) } };
}

export function findRegion(canvasElement: HTMLElement, name: string) {
  return within(canvasElement).findByRole("region", { name });
}

/** The component's region once its first load has settled (loaded, empty or failed). */
export async function loadedRegion(canvasElement: HTMLElement, name: string) {
  const region = await findRegion(canvasElement, name);
  await waitFor(() => expect(region).not.toHaveAttribute("data-state", "loading"));
  return region;
}

/** Waits for the status saying `text`: a loading placeholder can be a status too. */
export function expectStatus(canvasElement: HTMLElement, text: string) {
  return waitFor(() => expect(within(canvasElement).getByRole("status")).toHaveTextContent(text));
}

/** No request ever answers: the component's region, named `name`, says it is busy. */
export function loadingStory(name: string) {
  return {
    parameters: { msw: { handlers: plugboardLoadingHandlers() } },
    play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
      const region = await findRegion(canvasElement, name);
      await expect(region).toHaveAttribute("aria-busy", "true");
      await expect(region).toHaveAttribute("data-state", "loading");
    },
  };
}

/**
 * Every request fails with a server error: the component says so, as `text`, in an alert, and
 * (`retry`) offers Try again.
 */
export function errorStory(text = "Internal error", { retry = false } = {}) {
  return {
    parameters: { msw: { handlers: plugboardErrorHandlers("internal_error") } },
    play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
      const canvas = within(canvasElement);
      await expect(await canvas.findByRole("alert")).toHaveTextContent(text);
      if (retry) await expect(canvas.getByRole("button", { name: "Try again" })).toBeEnabled();
    },
  };
}
