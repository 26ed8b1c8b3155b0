import { screen } from "@testing-library/dom";

interface Pointer {
  click: (element: Element) => Promise<void>;
}

/**
 * Picks an option from a Select part (Radix): opens the combobox, then clicks the option in its
 * popup, which renders in a portal outside the component (hence `screen`). Works with the
 * user-event of tests and of stories alike.
 */
export async function chooseOption(user: Pointer, combobox: HTMLElement, name: string) {
  await user.click(combobox);
  await user.click(await screen.findByRole("option", { name }));
}

/** Opens a row's actions menu (by its trigger's name) and returns the menu, found in its portal. */
export async function openActions(user: Pointer, trigger: HTMLElement) {
  await user.click(trigger);
  return screen.findByRole("menu");
}

/** Runs one action from a row's actions menu. */
export async function chooseAction(user: Pointer, trigger: HTMLElement, action: string) {
  await openActions(user, trigger);
  await user.click(await screen.findByRole("menuitem", { name: action }));
}
