import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderWithPlugboard } from "../test/render";
import { findToast } from "../test/toasts";
import { useNotify } from "./toast";

function Outcome({ text, tone }: { text: string; tone?: "success" | "error" }) {
  const notify = useNotify();
  return (
    <button type="button" onClick={() => notify(text, tone)}>
      Save
    </button>
  );
}

describe("Toast", () => {
  it("says an outcome in the Notifications landmark, themed, and announces it as a status", async () => {
    const user = userEvent.setup();
    renderWithPlugboard(<Outcome text="Key revoked." />, { theme: "dark" });
    await user.click(screen.getByRole("button", { name: "Save" }));

    const toast = await findToast("Key revoked.");
    expect(toast).toHaveAttribute("data-tone", "success");
    const region = screen.getByRole("region", { name: /^Notifications/ });
    expect(region.querySelector(".pb-toasts")).toHaveAttribute("data-pb-theme", "dark");
    await waitFor(() =>
      expect(
        screen
          .getAllByRole("status")
          .some((status) => status.textContent?.includes("Key revoked.")),
      ).toBe(true),
    );
  });

  it("marks failures and closes with its dismiss button", async () => {
    const user = userEvent.setup();
    renderWithPlugboard(<Outcome text="Test event: Failed (HTTP 503)" tone="error" />);
    await user.click(screen.getByRole("button", { name: "Save" }));

    const toast = await findToast("Test event: Failed (HTTP 503)");
    expect(toast).toHaveAttribute("data-tone", "error");
    await user.click(within(toast).getByRole("button", { name: "Dismiss" }));
    await waitFor(() =>
      expect(
        within(screen.getByRole("region", { name: /^Notifications/ })).queryByRole("listitem"),
      ).not.toBeInTheDocument(),
    );
  });

  it("speaks the host's language", async () => {
    const user = userEvent.setup();
    renderWithPlugboard(<Outcome text="Gespeichert." />, {
      strings: { notifications: "Benachrichtigungen ({hotkey})", dismiss: "Schließen" },
    });
    await user.click(screen.getByRole("button", { name: "Save" }));
    const region = await screen.findByRole("region", { name: /^Benachrichtigungen/ });
    expect(within(region).getByRole("button", { name: "Schließen" })).toBeInTheDocument();
  });
});
