import { expect } from "storybook/test";

/** The widths every component must fit: a small phone, a phone, a narrow column, a desktop. */
export const layoutWidths = [320, 390, 960, 1280] as const;
export type LayoutWidth = (typeof layoutWidths)[number];

/** Storybook viewports for those widths (preview.tsx registers them; the story tests use them). */
export const layoutViewports = Object.fromEntries(
  layoutWidths.map((width) => [
    `w${width}`,
    { name: `${width} px`, styles: { width: `${width}px`, height: "900px" }, type: "other" },
  ]),
);

/** A story's `globals` for a viewport of that width (the story test resizes Chromium to it). */
export function atWidth(width: LayoutWidth) {
  return { viewport: { value: `w${width}`, isRotated: false } };
}

// Native controls scroll their own text; the visually hidden parts clip on purpose.
const selfScrolling = "input, select, textarea, pre, .pb-api-keys__sr-only, thead";

function describe(element: Element): string {
  const label = element.getAttribute("aria-label") ?? element.textContent?.trim().slice(0, 40);
  return `<${element.tagName.toLowerCase()} class="${element.className}"> "${label}"`;
}

/**
 * Fails when `root` does not fit: the page scrolls sideways, a control sticks out of it, or
 * anything inside is wider than its box (text spilling over the next column, a row that
 * scrolls sideways, a cut-off button).
 */
export async function expectFits(root: HTMLElement) {
  const page = document.documentElement;
  await expect(page.scrollWidth, "the page scrolls sideways").toBeLessThanOrEqual(page.clientWidth);
  const box = root.getBoundingClientRect();
  for (const control of root.querySelectorAll("button, a, input, select, textarea")) {
    const rect = control.getBoundingClientRect();
    // Radix Select keeps a native <select> for forms: hidden from everyone, it has no place.
    if (rect.width === 0 || control.closest("[aria-hidden='true']")) continue;
    await expect(
      rect.left >= box.left - 0.5 && rect.right <= box.right + 0.5,
      `${describe(control)} sticks out of the component`,
    ).toBe(true);
  }
  for (const element of root.querySelectorAll("*")) {
    if (element.closest(selfScrolling) || element.clientWidth === 0) continue;
    await expect(
      element.scrollWidth,
      `${describe(element)} is wider than its box (${element.clientWidth} px)`,
    ).toBeLessThanOrEqual(element.clientWidth + 1);
  }
}

/**
 * A story at `width` that checks the element `ready` finds fits; `ready` waits until it shows
 * everything that has to fit.
 */
export function fitsAt(
  width: LayoutWidth,
  ready: (canvasElement: HTMLElement) => Promise<HTMLElement>,
) {
  return {
    globals: atWidth(width),
    play: async ({ canvasElement }: { canvasElement: HTMLElement }) =>
      expectFits(await ready(canvasElement)),
  };
}
