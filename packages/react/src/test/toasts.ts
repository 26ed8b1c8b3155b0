import { screen, within } from "@testing-library/dom";

/**
 * Finds a toast by its text inside the provider's "Notifications" landmark (not the copy Radix
 * puts in a live region for screen readers). Works in tests and stories alike.
 */
export async function findToast(text: string | RegExp) {
  const region = await screen.findByRole("region", { name: /^(Notifications|Benachrichtigungen)/ });
  const toast = (await within(region).findByText(text)).closest("li");
  if (!toast) throw new Error(`The text "${String(text)}" is not in a toast`);
  return toast;
}
