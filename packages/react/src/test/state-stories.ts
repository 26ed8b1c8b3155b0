import { plugboardErrorHandlers, plugboardLoadingHandlers } from "@plugboard/mocks";
import { expect, within } from "storybook/test";

interface StoryContext {
  canvasElement: HTMLElement;
}

/** The request never answers: the component is a busy region named `name`, and stays one. */
export function loadingStory(name: string) {
  return {
    parameters: { msw: { handlers: plugboardLoadingHandlers() } },
    play: async ({ canvasElement }: StoryContext) => {
      const region = await within(canvasElement).findByRole("region", { name });
      await expect(region).toHaveAttribute("aria-busy", "true");
      await new Promise((resolve) => setTimeout(resolve, 300));
      await expect(region).toHaveAttribute("data-state", "loading");
    },
  };
}

/** The server fails: an alert that says `message`, and Try again. */
export function errorStory(message: string) {
  return {
    parameters: { msw: { handlers: plugboardErrorHandlers("internal_error") } },
    play: async ({ canvasElement }: StoryContext) => {
      const canvas = within(canvasElement);
      await expect(await canvas.findByRole("alert")).toHaveTextContent(message);
      await expect(canvas.getByRole("button", { name: "Try again" })).toBeEnabled();
    },
  };
}
