import { createMockPlugboard, type MockPlugboard, mockPlugboardHandlers } from "@plugboard/mocks";
import { getResponse, http } from "msw";

/**
 * For stories: `window.open` returns a hidden same-origin iframe's window, a real WindowProxy
 * (so messages can name it as their source) that never leaves the page. Removing the iframe is
 * the user closing the popup. Returns the cleanup for a story's `beforeEach`.
 */
export function stubPopupWithFrame() {
  const frame = document.createElement("iframe");
  frame.hidden = true;
  frame.title = "Sign-in window (story stand-in)";
  document.body.append(frame);
  const popup = frame.contentWindow as Window;
  const original = window.open;
  const state = { popup, opened: 0, close: () => frame.remove() };
  window.open = () => {
    state.opened += 1;
    return popup;
  };
  return {
    state,
    cleanup: () => {
      window.open = original;
      frame.remove();
    },
  };
}

export function stubBlockedPopup() {
  const original = window.open;
  window.open = () => null;
  return () => {
    window.open = original;
  };
}

/** What the callback page would post, read from its HTML. */
export async function callbackMessage(callbackUrl: string): Promise<unknown> {
  const html = await (await fetch(callbackUrl)).text();
  const json = /var message = (.*);\n/.exec(html)?.[1];
  if (!json) throw new Error("The callback page posted nothing");
  return JSON.parse(json);
}

/**
 * msw handlers that always delegate to the current mock, which a story loader replaces with a
 * fresh one before every run (so re-running a story starts over).
 */
export function resettableMock(options: Parameters<typeof createMockPlugboard>[0]) {
  let mock: MockPlugboard = createMockPlugboard(options);
  const delegate = ({ request }: { request: Request }) =>
    getResponse(mockPlugboardHandlers(mock), request);
  return {
    current: () => mock,
    reset: async () => {
      mock = createMockPlugboard(options);
      return {};
    },
    handlers: [
      http.all("*/api/plugboard/*", delegate),
      http.all("https://github.com/*", delegate),
      http.all("https://api.github.com/*", delegate),
    ],
  };
}
