import { plugboardHandlers } from "@plugboard/mocks";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { ApiKeysManager } from "../api-keys/api-keys-manager";
import { IntegrationGallery } from "../integrations/integration-gallery";
import { defaultStrings } from "../provider/strings";
import { chooseAction } from "../test/choose-option";
import { renderWithPlugboard } from "../test/render";
import { server } from "../test/server";
import { de } from "./de";

describe("German strings", () => {
  it("translate every string the English set has", () => {
    const keysOf = (strings: object): string[] =>
      Object.entries(strings).flatMap(([key, value]) =>
        typeof value === "object" ? keysOf(value).map((inner) => `${key}.${inner}`) : [key],
      );
    expect(keysOf(de).sort()).toEqual(keysOf(defaultStrings).sort());
  });

  it("render the API keys, their menu and dialogs in German", async () => {
    server.use(...plugboardHandlers());
    const user = userEvent.setup();
    renderWithPlugboard(<ApiKeysManager />, { strings: de });
    const table = await screen.findByRole("table", { name: "API-Schlüssel" });
    const row = within(table).getByRole("row", { name: /CI deploy/ });
    expect(within(row).getByText("Aktiv")).toBeInTheDocument();
    await chooseAction(
      user,
      within(row).getByRole("button", { name: "Aktionen für CI deploy" }),
      "Widerrufen",
    );
    expect(await screen.findByRole("alertdialog", { name: "CI deploy widerrufen?" })).toBeVisible();
  });

  it("merge a nested group key by key: one label changed, the others kept", async () => {
    server.use(...plugboardHandlers());
    renderWithPlugboard(<IntegrationGallery />, {
      strings: { categories: { calendar: "Termine" } },
    });
    expect(await screen.findByRole("radio", { name: "Termine" })).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: "Communication" })).toBeInTheDocument();
  });
});
