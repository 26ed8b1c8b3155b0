import { vi } from "vitest";

/** Stands in for the window `window.open` returns; tests read where it was sent and close it. */
export interface FakePopup {
  closed: boolean;
  location: { href: string };
  close(): void;
}

export function stubPopup(): { popup: FakePopup; open: ReturnType<typeof vi.fn> } {
  const popup: FakePopup = {
    closed: false,
    location: { href: "about:blank" },
    close() {
      this.closed = true;
    },
  };
  const open = vi.fn(() => popup);
  vi.stubGlobal("open", open);
  window.open = open as unknown as typeof window.open;
  return { popup, open };
}

/** What the callback page posted, read from its HTML (as the browser would run it). */
export async function callbackMessage(callbackUrl: string): Promise<unknown> {
  const html = await (await fetch(callbackUrl)).text();
  const json = /var message = (.*);\n/.exec(html)?.[1];
  if (!json) throw new Error(`No message in the callback page:\n${html}`);
  return JSON.parse(json);
}

export function postFromPopup(popup: FakePopup, data: unknown, origin = "http://localhost") {
  window.dispatchEvent(
    new MessageEvent("message", { data, origin, source: popup as unknown as Window }),
  );
}
