import {
  plugboardErrorHandlers,
  plugboardHandlers,
  plugboardLoadingHandlers,
} from "@plugboard/mocks";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderWithPlugboard } from "../test/render";
import { server } from "../test/server";
import { IntegrationGallery } from "./integration-gallery";

const cardNames = (container: HTMLElement) =>
  within(container)
    .queryAllByRole("article")
    .map(
      (card) =>
        card.getAttribute("aria-labelledby") && within(card).getByRole("heading").textContent,
    );

describe("IntegrationGallery", () => {
  it("shows featured integrations first, then all the others, each as a card", async () => {
    server.use(...plugboardHandlers());
    renderWithPlugboard(<IntegrationGallery />);

    const featured = await screen.findByRole("region", { name: "Featured" });
    expect(cardNames(featured)).toEqual(["GitHub", "Slack"]);
    const all = screen.getByRole("region", { name: "All integrations" });
    expect(cardNames(all)).toEqual(["Google Calendar", "Pumble", "Jira import"]);
  });

  it("searches names and descriptions", async () => {
    server.use(...plugboardHandlers());
    renderWithPlugboard(<IntegrationGallery />);
    await userEvent.type(
      await screen.findByRole("searchbox", { name: "Search integrations" }),
      "calendar",
    );

    expect(screen.queryByRole("region", { name: "Featured" })).not.toBeInTheDocument();
    expect(cardNames(screen.getByRole("region", { name: "All integrations" }))).toEqual([
      "Google Calendar",
    ]);
  });

  it("filters by category and by installed state, and says when nothing matches", async () => {
    server.use(...plugboardHandlers());
    renderWithPlugboard(<IntegrationGallery />);
    await userEvent.click(await screen.findByRole("radio", { name: "Communication" }));
    expect(cardNames(screen.getByRole("region", { name: "All integrations" }))).toEqual([
      "Slack",
      "Pumble",
    ]);

    await userEvent.click(screen.getByRole("checkbox", { name: "Installed only" }));
    expect(screen.getByRole("status")).toHaveTextContent("No integrations match your filters.");

    await userEvent.click(screen.getByRole("radio", { name: "All" }));
    expect(cardNames(screen.getByRole("region", { name: "All integrations" }))).toEqual(["GitHub"]);
  });

  it("is busy while loading and explains a failure with a retry", async () => {
    server.use(...plugboardLoadingHandlers());
    const { unmount } = renderWithPlugboard(<IntegrationGallery />);
    expect(screen.getByRole("region", { name: "Loading integrations" })).toHaveAttribute(
      "aria-busy",
      "true",
    );
    unmount();

    server.resetHandlers(...plugboardErrorHandlers("internal_error"));
    renderWithPlugboard(<IntegrationGallery />);
    expect(await screen.findByRole("alert")).toHaveTextContent("Could not load integrations");
    server.resetHandlers(...plugboardHandlers());
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("region", { name: "Featured" })).toBeInTheDocument();
  });
});
