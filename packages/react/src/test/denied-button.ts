import { screen } from "@testing-library/react";
import { expect } from "vitest";

interface Keyboard {
  tab: () => Promise<void>;
  click: (element: Element) => Promise<void>;
}

/**
 * A button the caller may not use, the first stop on the page for Tab: inert but focusable, with
 * the reason in a tooltip that keyboard users reach too. Clicks it last, so the test can check
 * that nothing opened.
 */
export async function expectDeniedButton(user: Keyboard, button: HTMLElement, reason: string) {
  expect(button).toHaveAttribute("aria-disabled", "true");
  await user.tab();
  expect(button).toHaveFocus();
  expect(await screen.findByRole("tooltip")).toHaveTextContent(reason);
  await user.click(button);
}
