import { createMockPlugboard, type MockPlugboard, mockPlugboardHandlers } from "@plugboard/mocks";
import { getResponse, http } from "msw";

/** The stand-in popup: where it was sent is only recorded, never loaded. */
export type StoryPopup = MessagePort & { closed: boolean; location: { href: string } };

/**
 * For stories: `window.open` returns a stand-in popup that never leaves the page: the consent
 * URL the card sends it to is only recorded in `location.href` (a real window, even a hidden
 * frame, would load github.com). It is a MessagePort underneath, one of the few objects a real
 * MessageEvent accepts as its `source`, so messages can name it. `close()` is the user closing
 * the popup. Returns the cleanup for a story's `beforeEach`.
 */
export function stubStoryPopup() {
  const popup: StoryPopup = Object.assign(new MessageChannel().port1, {
    closed: false,
    location: { href: "about:blank" },
  });
  const original = window.open;
  const state = { popup, opened: 0, close: () => Object.assign(popup, { closed: true }) };
  window.open = () => {
    state.opened += 1;
    return popup as unknown as Window;
  };
  return {
    state,
    cleanup: () => {
      window.open = original;
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
