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

/** Waits for the status saying `text`: a loading placeholder can be a status too. */
export function expectStatus(canvasElement: HTMLElement, text: string) {
  return waitFor(() => expect(within(canvasElement).getByRole("status")).toHaveTextContent(text));
}

/** No request ever answers: the component's region, named `name`, says it is busy. */
export function loadingStory(name: string) {
  return {
    parameters: { msw: { handlers: plugboardLoadingHandlers() } },
    play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
      await expect(await findRegion(canvasElement, name)).toHaveAttribute("aria-busy", "true");
    },
  };
}

/** Every request fails with a server error: the component says so, as `text`, in an alert. */
export function errorStory(text = "Internal error") {
  return {
    parameters: { msw: { handlers: plugboardErrorHandlers("internal_error") } },
    play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
      await expect(await within(canvasElement).findByRole("alert")).toHaveTextContent(text);
    },
  };
}
