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
import { IntegrationCard } from "./integration-card";

describe("IntegrationCard", () => {
  it("shows an installed integration with a check and its installed description", async () => {
    server.use(...plugboardHandlers());
    renderWithPlugboard(<IntegrationCard provider="github" />);

    const card = await screen.findByRole("article", { name: "GitHub" });
    expect(card).toHaveAttribute("data-state", "installed");
    expect(within(card).getByText("Installed")).toBeInTheDocument();
    expect(within(card).getByText(/appear on the issue/)).toBeInTheDocument();
  });

  it("shows an available integration as not installed", async () => {
    server.use(...plugboardHandlers());
    renderWithPlugboard(<IntegrationCard provider="slack" />);

    const card = await screen.findByRole("article", { name: "Slack" });
    expect(card).toHaveAttribute("data-state", "available");
    expect(within(card).getByText("Not installed")).toBeInTheDocument();
    expect(within(card).queryByText("Installed")).not.toBeInTheDocument();
  });

  it("marks itself busy while loading", async () => {
    server.use(...plugboardLoadingHandlers());
    renderWithPlugboard(<IntegrationCard provider="github" />);

    expect(screen.getByRole("article", { name: "Loading integration" })).toHaveAttribute(
      "aria-busy",
      "true",
    );
  });

  it("shows the server's error and recovers on retry", async () => {
    server.use(...plugboardErrorHandlers("internal_error"));
    renderWithPlugboard(<IntegrationCard provider="github" />);

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Could not load integrations");

    server.resetHandlers(...plugboardHandlers());
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("article", { name: "GitHub" })).toHaveAttribute(
      "data-state",
      "installed",
    );
  });

  it("tells a signed-out user why nothing loaded", async () => {
    server.use(...plugboardHandlers({ identity: null }));
    renderWithPlugboard(<IntegrationCard provider="github" />);

    expect(await screen.findByRole("alert")).toHaveTextContent("Sign in to continue");
  });

  it("says so when the provider is not in the catalog", async () => {
    server.use(...plugboardHandlers());
    renderWithPlugboard(<IntegrationCard provider="asana" />);

    expect(await screen.findByRole("alert")).toHaveTextContent('no integration named "asana"');
  });

  it("puts host class names on each part and the theme root on the card", async () => {
    server.use(...plugboardHandlers());
    renderWithPlugboard(
      <IntegrationCard
        provider="github"
        className="host-card"
        classNames={{ title: "host-title" }}
      />,
    );

    const card = await screen.findByRole("article", { name: "GitHub" });
    expect(card).toHaveClass("pb-root", "host-card");
    // Light unless the host asks otherwise: a dark OS does not darken a light page's card.
    expect(card).toHaveAttribute("data-pb-theme", "light");
    expect(within(card).getByRole("heading", { name: "GitHub" })).toHaveClass("host-title");
  });

  it("shares one request between several cards", async () => {
    let requests = 0;
    server.events.on("request:start", () => {
      requests += 1;
    });
    server.use(...plugboardHandlers());
    renderWithPlugboard(
      <>
        <IntegrationCard provider="github" />
        <IntegrationCard provider="slack" />
        <IntegrationCard provider="pumble" />
      </>,
    );

    expect(await screen.findAllByRole("article", { name: /GitHub|Slack|Pumble/ })).toHaveLength(3);
    expect(requests).toBe(1);
    server.events.removeAllListeners();
  });
});
