import {
  fixtureIdentities,
  plugboardErrorHandlers,
  plugboardHandlers,
  plugboardLoadingHandlers,
} from "@plugboard/mocks";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { chooseAction, chooseOption, openActions } from "../test/choose-option";
import { renderWithPlugboard } from "../test/render";
import { server } from "../test/server";
import { findToast } from "../test/toasts";
import { ApiKeysManager } from "./api-keys-manager";

async function table() {
  return screen.findByRole("table", { name: "API keys" });
}

function row(name: RegExp) {
  return screen.getByRole("row", { name });
}

/** A row's actions menu trigger. */
function actions(inRow: HTMLElement, keyName: string) {
  return within(inRow).getByRole("button", { name: `Actions for ${keyName}` });
}

type User = ReturnType<typeof userEvent.setup>;

/** Renders the manager over the fixtures (as an admin unless told) and waits for its table. */
async function renderManager(options: Parameters<typeof plugboardHandlers>[0] = {}) {
  server.use(...plugboardHandlers(options));
  const user = userEvent.setup(); // installs a clipboard stub on navigator
  renderWithPlugboard(<ApiKeysManager />);
  await table();
  return user;
}

async function openCreateDialog(user: User) {
  await user.click(screen.getByRole("button", { name: "Create API key" }));
  return screen.findByRole("dialog", { name: "Create API key" });
}

describe("ApiKeysManager", () => {
  it("lists keys with prefix, scopes, project, status, and flags the one expiring soon", async () => {
    server.use(...plugboardHandlers());
    const user = userEvent.setup();
    renderWithPlugboard(<ApiKeysManager projects={[{ id: "prj_web", name: "Website" }]} />);

    const list = await table();
    expect(within(list).getAllByRole("row")).toHaveLength(4);
    const ci = row(/CI deploy/);
    expect(within(ci).getByText("sk_test_7fQa…")).toBeInTheDocument();
    expect(within(ci).getByText("issues:write")).toBeInTheDocument();
    expect(within(ci).getByText("Active")).toBeInTheDocument();
    expect(within(ci).getByText("All projects")).toBeInTheDocument();

    const zapier = row(/Zapier/);
    expect(within(zapier).getByText("Website")).toBeInTheDocument();
    expect(within(zapier).getByText("Expires soon")).toBeInTheDocument();
    expect(within(ci).queryByText("Expires soon")).not.toBeInTheDocument();

    const old = row(/Old import script/);
    expect(within(old).getByText("Revoked")).toBeInTheDocument();
    expect(within(old).getByText("Full access")).toBeInTheDocument();
    const menu = await openActions(user, actions(old, "Old import script"));
    expect(
      within(menu)
        .getAllByRole("menuitem")
        .map((item) => item.textContent),
    ).toEqual(["Usage", "Rename"]);
  });

  it("creates a key and shows its secret once, with a working copy button", async () => {
    const user = await renderManager();
    const dialog = await openCreateDialog(user);
    await user.type(within(dialog).getByLabelText("Name"), "Nightly export");
    const issues = within(dialog).getByRole("group", { name: "Issues" });
    await user.click(within(issues).getByRole("checkbox", { name: "Read issues" }));
    await user.click(
      within(within(dialog).getByRole("group", { name: "Search" })).getByRole("checkbox", {
        name: "Run searches",
      }),
    );
    await chooseOption(user, within(dialog).getByRole("combobox", { name: "Expires" }), "Never");
    await user.type(within(dialog).getByLabelText("Requests per minute"), "120");
    await user.click(within(dialog).getByRole("button", { name: "Create key" }));

    const secretDialog = await screen.findByRole("dialog", { name: "Copy your API key" });
    expect(within(secretDialog).getByText(/only time the key is shown/)).toBeInTheDocument();
    const input = within(secretDialog).getByLabelText("API key") as HTMLInputElement;
    expect(input.value).toMatch(/^sk_test_[0-9A-Za-z]{30}$/);
    const secret = input.value;
    await user.click(within(secretDialog).getByRole("button", { name: "Copy" }));
    expect(await navigator.clipboard.readText()).toBe(secret);
    expect(within(secretDialog).getByRole("button", { name: "Copied" })).toBeInTheDocument();
    await user.click(within(secretDialog).getByRole("button", { name: "Done" }));

    await waitFor(() => expect(row(/Nightly export/)).toBeInTheDocument());
    const created = row(/Nightly export/);
    expect(within(created).getByText("issues:read")).toBeInTheDocument();
    expect(within(created).getByText("search:read")).toBeInTheDocument();
    // Never used, never expires.
    expect(within(created).getAllByText("Never", { selector: "td" })).toHaveLength(2);
    expect(document.body.textContent).not.toContain(secret);
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("shows the server's field error when no scope is picked, keeping the dialog open", async () => {
    const user = await renderManager();
    const dialog = await openCreateDialog(user);
    await user.type(within(dialog).getByLabelText("Name"), "No scopes");
    await user.click(within(dialog).getByRole("button", { name: "Create key" }));
    expect(await within(dialog).findByText("Pick at least one scope")).toBeInTheDocument();
    // The field says what is wrong: no general "invalid fields" message on top of it.
    expect(within(dialog).queryByText(/invalid fields/)).not.toBeInTheDocument();
    expect(within(dialog).queryByRole("alert")).not.toBeInTheDocument();
  });

  it("explains an empty submit next to the fields only", async () => {
    const user = await renderManager();
    const dialog = await openCreateDialog(user);
    await user.click(within(dialog).getByRole("button", { name: "Create key" }));
    expect(await within(dialog).findByText("Pick at least one scope")).toBeInTheDocument();
    expect(within(dialog).getByLabelText("Name")).toHaveAttribute("aria-invalid", "true");
    expect(within(dialog).queryByText(/invalid fields/)).not.toBeInTheDocument();
  });

  it("lets a member grant only what members may, and shows only their own keys", async () => {
    const user = await renderManager({ identity: fixtureIdentities.member });
    const list = await table();
    expect(within(list).getAllByRole("row")).toHaveLength(2);
    expect(row(/Zapier/)).toBeInTheDocument();

    const dialog = await openCreateDialog(user);
    expect(within(dialog).getByRole("checkbox", { name: /Delete issues/ })).toBeDisabled();
    expect(
      within(dialog).getByRole("checkbox", { name: /Create and edit projects/ }),
    ).toBeDisabled();
    expect(within(dialog).getByRole("checkbox", { name: "Create and edit issues" })).toBeEnabled();
  });

  it("rotates with the chosen grace period and shows the new secret", async () => {
    const user = await renderManager();

    await chooseAction(user, actions(row(/CI deploy/), "CI deploy"), "Rotate");
    const dialog = await screen.findByRole("dialog", { name: "Rotate CI deploy?" });
    expect(within(dialog).getByRole("radio", { name: "For 24 hours" })).toBeChecked();
    await user.click(within(dialog).getByRole("radio", { name: "Revoke it now" }));
    await user.click(within(dialog).getByRole("button", { name: "Rotate key" }));

    const secretDialog = await screen.findByRole("dialog", { name: "Copy your API key" });
    expect((within(secretDialog).getByLabelText("API key") as HTMLInputElement).value).toMatch(
      /^sk_test_/,
    );
    await user.click(within(secretDialog).getByRole("button", { name: "Done" }));
    await waitFor(() => expect(screen.getAllByRole("row", { name: /CI deploy/ })).toHaveLength(2));
    const [fresh, old] = screen.getAllByRole("row", { name: /CI deploy/ });
    expect(within(fresh as HTMLElement).getByText("Active")).toBeInTheDocument();
    expect(within(old as HTMLElement).getByText("Revoked")).toBeInTheDocument();
  });

  it("tells the old key from the new one while the rotation's grace period runs", async () => {
    const user = await renderManager();
    await chooseAction(user, actions(row(/CI deploy/), "CI deploy"), "Rotate");
    const dialog = await screen.findByRole("dialog", { name: "Rotate CI deploy?" });
    await user.click(within(dialog).getByRole("button", { name: "Rotate key" }));
    const secret = await screen.findByRole("dialog", { name: "Copy your API key" });
    await user.click(within(secret).getByRole("button", { name: "Done" }));

    await waitFor(() => expect(screen.getAllByRole("row", { name: /CI deploy/ })).toHaveLength(2));
    const fresh = row(/CI deploy New key/);
    const old = row(/CI deploy Old key, rotated/);
    expect(within(fresh).queryByText(/Old key/)).not.toBeInTheDocument();
    // The old key never expired on its own; Expires now shows the end of its grace period.
    const ends = within(old).getByText((_, element) => element?.tagName === "TIME");
    const graceEnd = Date.parse(ends.getAttribute("datetime") ?? "");
    expect(Math.abs(graceEnd - (Date.now() + 86_400_000))).toBeLessThan(60_000);
    expect(within(old).getByText(/Stops working in 24 hours/)).toBeInTheDocument();
  });

  it("revokes after confirmation", async () => {
    const user = await renderManager();

    await chooseAction(user, actions(row(/Zapier/), "Zapier"), "Revoke");
    const dialog = await screen.findByRole("alertdialog", { name: "Revoke Zapier?" });
    await user.click(within(dialog).getByRole("button", { name: "Revoke key" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    await waitFor(() => expect(within(row(/Zapier/)).getByText("Revoked")).toBeInTheDocument());
    expect(await findToast('API key "Zapier" revoked.')).toBeVisible();
  });

  it("shows usage with a chart, status codes and top endpoints", async () => {
    const user = await renderManager();

    await chooseAction(user, actions(row(/CI deploy/), "CI deploy"), "Usage");
    const dialog = await screen.findByRole("dialog", { name: "Usage of CI deploy" });
    const chart = await within(dialog).findByRole("img", {
      name: /Requests over time: \d+ requests, \d+ errors/,
    });
    expect(chart.querySelectorAll("rect").length).toBeGreaterThan(20);
    expect(within(dialog).getByRole("table", { name: "Status codes" })).toHaveTextContent("429");
    expect(within(dialog).getByRole("table", { name: "Top endpoints" })).toHaveTextContent(
      "/v1/issues",
    );

    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  });

  it("draws the usage chart with axes and a tooltip per bucket, by pointer and by keyboard", async () => {
    const user = await renderManager();
    await chooseAction(user, actions(row(/CI deploy/), "CI deploy"), "Usage");
    const dialog = await screen.findByRole("dialog", { name: "Usage of CI deploy" });
    const chart = await within(dialog).findByRole("img", { name: /Requests over time/ });
    const figure = chart.closest("figure") as HTMLElement;
    // y axis from 0 to a round top; x axis labelled with times.
    expect(figure.querySelector(".pb-usage-chart__y")?.textContent).toMatch(/^\d+\d*0$/);
    expect(figure.querySelectorAll(".pb-usage-chart__x span")).toHaveLength(3);

    const buckets = chart.querySelectorAll("g[data-bucket]");
    await user.hover(buckets[3] as Element);
    expect(await within(dialog).findByRole("tooltip")).toHaveTextContent(
      /\d+ requests, \d+ errors?/,
    );
    await user.hover(within(dialog).getByRole("table", { name: "Status codes" }));
    await waitFor(() => expect(within(dialog).queryByRole("tooltip")).not.toBeInTheDocument());

    chart.focus();
    await user.keyboard("{ArrowRight}");
    const tooltip = within(dialog).getByRole("tooltip");
    expect(chart).toHaveAttribute("aria-describedby", tooltip.id);
    expect(chart.querySelector("g[data-active]")).toBe(buckets[0]);
    await user.keyboard("{ArrowLeft}{ArrowLeft}");
    expect(chart.querySelector("g[data-active]")).toBe(buckets[0]);
  });

  it("switches the usage period with tabs and shows an empty chart for a key never used", async () => {
    const user = await renderManager();
    await chooseAction(user, actions(row(/Zapier/), "Zapier"), "Usage");
    const dialog = await screen.findByRole("dialog", { name: "Usage of Zapier" });
    expect(await within(dialog).findByText("No requests in this period.")).toBeInTheDocument();
    const tabs = within(dialog).getByRole("tablist", { name: "Period" });
    expect(within(tabs).getByRole("tab", { name: "Last 24 hours" })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    await user.click(within(tabs).getByRole("tab", { name: "Last 7 days" }));
    expect(within(tabs).getByRole("tab", { name: "Last 7 days" })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    const panel = within(dialog).getByRole("tabpanel", { name: "Last 7 days" });
    const chart = await within(panel).findByRole("img", { name: /0 requests, 0 errors/ });
    expect(chart.querySelectorAll("g[data-bucket]").length).toBeGreaterThanOrEqual(7);
    expect(within(panel).getByText("No requests in this period.")).toBeInTheDocument();
  });

  it("renames a key, refusing a blank name before anything is sent", async () => {
    const user = await renderManager();

    const patches: string[] = [];
    server.events.on("request:start", ({ request }) => {
      if (request.method === "PATCH") patches.push(new URL(request.url).pathname);
    });
    await chooseAction(user, actions(row(/CI deploy/), "CI deploy"), "Rename");
    const dialog = await screen.findByRole("dialog", { name: "Rename CI deploy" });
    const name = within(dialog).getByLabelText("Name");
    expect(name).toHaveValue("CI deploy");
    await user.clear(name);
    await user.type(name, "   ");
    await user.click(within(dialog).getByRole("button", { name: "Save name" }));
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(within(dialog).getByText("Give the key a name")).toBeInTheDocument();
    expect(patches).toEqual([]);

    await user.clear(name);
    await user.type(name, "  Release pipeline ");
    await user.click(within(dialog).getByRole("button", { name: "Save name" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    await waitFor(() => expect(row(/Release pipeline/)).toBeInTheDocument());
    expect(screen.queryByRole("row", { name: /CI deploy/ })).not.toBeInTheDocument();
    expect(within(row(/Release pipeline/)).getByText("sk_test_7fQa…")).toBeInTheDocument();
    expect(patches).toEqual(["/api/plugboard/api-keys/key_fixture_ci"]);
    server.events.removeAllListeners();
  });

  it("switches a key off and on, showing it disabled in the table", async () => {
    const user = await renderManager();

    const toggle = within(row(/CI deploy/)).getByRole("switch", { name: "CI deploy enabled" });
    expect(toggle).toBeChecked();
    expect(toggle).toHaveAttribute("data-state", "checked");
    await user.click(toggle);
    await waitFor(() => expect(within(row(/CI deploy/)).getByText("Disabled")).toBeInTheDocument());
    const off = within(row(/CI deploy/)).getByRole("switch", { name: "CI deploy enabled" });
    expect(off).not.toBeChecked();
    expect(off).toHaveAttribute("data-state", "unchecked");
    expect(row(/CI deploy/)).toHaveAttribute("data-status", "disabled");

    await user.click(off);
    await waitFor(() => expect(within(row(/CI deploy/)).getByText("Active")).toBeInTheDocument());
    expect(within(row(/CI deploy/)).getByRole("switch")).toBeChecked();
    // A revoked key cannot come back: no switch.
    expect(within(row(/Old import script/)).queryByRole("switch")).not.toBeInTheDocument();
  });

  it("lets a member rename and switch their own key", async () => {
    const user = await renderManager({ identity: fixtureIdentities.member });
    const toggle = within(row(/Zapier/)).getByRole("switch", { name: "Zapier enabled" });
    expect(toggle).not.toHaveAttribute("aria-disabled");
    await user.click(toggle);
    await waitFor(() => expect(within(row(/Zapier/)).getByText("Disabled")).toBeInTheDocument());
    const menu = await openActions(user, actions(row(/Zapier/), "Zapier"));
    expect(within(menu).getByRole("menuitem", { name: "Rename" })).not.toHaveAttribute(
      "aria-disabled",
    );
  });

  it("is read-only when the host says so: controls explain themselves and change nothing", async () => {
    server.use(...plugboardHandlers());
    const user = userEvent.setup();
    renderWithPlugboard(<ApiKeysManager readOnly />);
    await table();
    expect(screen.getByRole("region", { name: "API keys" })).toHaveAttribute("data-readonly");
    expect(screen.getByText("Read-only")).toBeInTheDocument();

    const toggle = within(row(/CI deploy/)).getByRole("switch", { name: "CI deploy enabled" });
    expect(toggle).toHaveAttribute("aria-disabled", "true");
    await user.click(toggle);
    const menu = await openActions(user, actions(row(/CI deploy/), "CI deploy"));
    // Usage is reading, so it stays available; the write actions say why they are not.
    expect(within(menu).getByRole("menuitem", { name: "Usage" })).not.toHaveAttribute(
      "aria-disabled",
    );
    for (const name of ["Rename", "Rotate", "Revoke"])
      expect(within(menu).getByRole("menuitem", { name })).toHaveAttribute("aria-disabled", "true");
    expect(menu).toHaveTextContent("Only the key's creator or an admin can change it.");
    await user.click(within(menu).getByRole("menuitem", { name: "Rename" }));
    await user.keyboard("{Escape}");
    await user.click(screen.getByRole("button", { name: "Create API key" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(toggle).toBeChecked();
    expect(within(row(/CI deploy/)).getByText("Active")).toBeInTheDocument();

    await user.keyboard("{Escape}");
    for (let i = 0; i < 20 && document.activeElement !== toggle; i++) await user.tab();
    expect(toggle).toHaveFocus();
    expect(await screen.findByRole("tooltip")).toHaveTextContent(
      "Only the key's creator or an admin can change it.",
    );
  });

  it("offers per-resource and full access, a wildcard superseding its single scopes", async () => {
    const user = await renderManager();
    const dialog = await openCreateDialog(user);
    await user.type(within(dialog).getByLabelText("Name"), "Issue bot");
    const issues = within(dialog).getByRole("group", { name: "Issues" });
    const selection = within(dialog).getByRole("status");
    expect(selection).toHaveTextContent("Selected scopes: none yet");

    await user.click(within(issues).getByRole("checkbox", { name: "Read issues" }));
    await user.click(within(issues).getByRole("checkbox", { name: /Full access to issues/ }));
    for (const name of ["Read issues", "Create and edit issues", "Delete issues"]) {
      const box = within(issues).getByRole("checkbox", { name: new RegExp(name) });
      expect(box).toBeChecked();
      expect(box).toBeDisabled();
    }
    expect(within(issues).getAllByText("Included in issues:*")).toHaveLength(3);
    await user.click(
      within(within(dialog).getByRole("group", { name: "Search" })).getByRole("checkbox", {
        name: "Run searches",
      }),
    );
    expect(selection).toHaveTextContent("Selected scopes: issues:*, search:read");

    const everything = within(dialog).getByRole("checkbox", { name: /^Full access \*/ });
    await user.click(everything);
    expect(selection).toHaveTextContent("Selected scopes: *");
    expect(within(issues).getByRole("checkbox", { name: /Full access to issues/ })).toBeDisabled();
    await user.click(everything);
    // Unticking full access brings back what was picked under it.
    expect(selection).toHaveTextContent("Selected scopes: issues:*, search:read");

    await user.click(within(dialog).getByRole("button", { name: "Create key" }));
    const secretDialog = await screen.findByRole("dialog", { name: "Copy your API key" });
    await user.click(within(secretDialog).getByRole("button", { name: "Done" }));
    await waitFor(() => expect(row(/Issue bot/)).toBeInTheDocument());
    const scopes = within(row(/Issue bot/)).getByRole("list", { name: "2 scopes" });
    expect(
      within(scopes)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(["issues:*", "search:read"]);
  });

  it("creates a full-access key, shown as Full access in the table", async () => {
    const user = await renderManager();
    const dialog = await openCreateDialog(user);
    await user.type(within(dialog).getByLabelText("Name"), "Migration");
    await user.click(within(dialog).getByRole("checkbox", { name: /^Full access \*/ }));
    await user.click(within(dialog).getByRole("button", { name: "Create key" }));
    const secretDialog = await screen.findByRole("dialog", { name: "Copy your API key" });
    await user.click(within(secretDialog).getByRole("button", { name: "Done" }));
    await waitFor(() => expect(row(/Migration/)).toBeInTheDocument());
    expect(within(row(/Migration/)).getByRole("list", { name: "1 scope" })).toHaveTextContent(
      "Full access",
    );
  });

  it("disables the wildcards a member may not grant and allows the ones they hold in full", async () => {
    const user = await renderManager({ identity: fixtureIdentities.member });
    const dialog = await openCreateDialog(user);
    expect(within(dialog).getByRole("checkbox", { name: /^Full access \*/ })).toBeDisabled();
    expect(within(dialog).getByRole("checkbox", { name: /Full access to issues/ })).toBeDisabled();
    expect(
      within(dialog).getByRole("checkbox", { name: /Full access to projects/ }),
    ).toBeDisabled();
    const comments = within(dialog).getByRole("checkbox", { name: /Full access to comments/ });
    expect(comments).toBeEnabled();
    await user.click(comments);
    expect(within(dialog).getByRole("status")).toHaveTextContent("Selected scopes: comments:*");
  });

  it("says when there are no keys, and marks itself busy while loading", async () => {
    server.use(...plugboardHandlers({ fixtures: "empty" }));
    renderWithPlugboard(<ApiKeysManager />);
    expect(screen.getByRole("region", { name: "Loading API keys" })).toHaveAttribute(
      "aria-busy",
      "true",
    );
    expect(await screen.findByText("No API keys yet.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Create API key" })).toBeInTheDocument();
  });

  it("stays busy while the request hangs", () => {
    server.use(...plugboardLoadingHandlers());
    renderWithPlugboard(<ApiKeysManager />);
    expect(screen.getByRole("region", { name: "Loading API keys" })).toHaveAttribute(
      "data-state",
      "loading",
    );
  });

  it("explains a permission denial instead of offering a retry", async () => {
    server.use(...plugboardErrorHandlers("forbidden"));
    renderWithPlugboard(<ApiKeysManager />);
    expect(await screen.findByRole("alert")).toHaveTextContent("permission to manage API keys");
    expect(screen.queryByRole("button", { name: "Try again" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Create API key" })).not.toBeInTheDocument();
  });

  it("shows a server error and recovers on retry", async () => {
    server.use(...plugboardErrorHandlers("internal_error"));
    const user = userEvent.setup();
    renderWithPlugboard(<ApiKeysManager />);
    expect(await screen.findByRole("alert")).toHaveTextContent("Could not load API keys");
    server.resetHandlers(...plugboardHandlers());
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await table()).toBeInTheDocument();
  });

  it("puts host class names on its parts and the theme root on the section", async () => {
    server.use(...plugboardHandlers());
    renderWithPlugboard(
      <ApiKeysManager
        className="host-keys"
        classNames={{ table: "host-table", row: "host-row" }}
      />,
    );
    const list = await table();
    expect(list).toHaveClass("host-table");
    expect(screen.getByRole("region", { name: "API keys" })).toHaveClass("pb-root", "host-keys");
    expect(row(/CI deploy/)).toHaveClass("host-row");
  });

  it("hands focus back to the control that opened each dialog", async () => {
    const user = await renderManager();
    const create = screen.getByRole("button", { name: "Create API key" });
    const closesOnto = async (
      opener: HTMLElement,
      close: (dialog: HTMLElement) => Promise<void>,
      role: "dialog" | "alertdialog" = "dialog",
      action?: string,
    ) => {
      if (action) await chooseAction(user, opener, action);
      else await user.click(opener);
      await close(await screen.findByRole(role));
      await waitFor(() => expect(screen.queryByRole(role)).not.toBeInTheDocument());
      await waitFor(() => expect(opener).toHaveFocus());
    };
    const cancel = (dialog: HTMLElement) =>
      user.click(within(dialog).getByRole("button", { name: /Cancel|Close/ }));
    const ci = () => row(/CI deploy/);

    await closesOnto(create, cancel);
    // A row's dialogs open from its actions menu: focus comes back to the menu's trigger.
    const ciActions = () => actions(ci(), "CI deploy");
    await closesOnto(ciActions(), cancel, "dialog", "Usage");
    await closesOnto(ciActions(), cancel, "dialog", "Rename");
    await closesOnto(ciActions(), cancel, "dialog", "Rotate");
    await closesOnto(ciActions(), () => user.keyboard("{Escape}"), "alertdialog", "Revoke");
    // Rename saved: back to the trigger of the renamed row.
    await closesOnto(
      ciActions(),
      async (d) => {
        await user.type(within(d).getByLabelText("Name"), " 2");
        await user.click(within(d).getByRole("button", { name: "Save name" }));
      },
      "dialog",
      "Rename",
    );
    // Create, then its secret: the chain ends where it began.
    await closesOnto(create, async (dialog) => {
      await user.type(within(dialog).getByLabelText("Name"), "Focus");
      await user.click(within(dialog).getByRole("checkbox", { name: "Read issues" }));
      await user.click(within(dialog).getByRole("button", { name: "Create key" }));
      const secret = await screen.findByRole("dialog", { name: "Copy your API key" });
      await user.click(within(secret).getByRole("button", { name: "Done" }));
    });
    // Revoked: the row stays (with Usage and Rename), and so does its trigger.
    const zapier = actions(row(/Zapier/), "Zapier");
    await chooseAction(user, zapier, "Revoke");
    const revoke = await screen.findByRole("alertdialog", { name: "Revoke Zapier?" });
    await user.click(within(revoke).getByRole("button", { name: "Revoke key" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    await waitFor(() => expect(zapier).toHaveFocus());
  });

  it("carries the host's theme into its dialogs, which render outside the section", async () => {
    server.use(...plugboardHandlers());
    const user = userEvent.setup();
    renderWithPlugboard(<ApiKeysManager />, { theme: "dark" });
    await table();
    const dialog = await openCreateDialog(user);
    expect(dialog).toHaveClass("pb-root");
    expect(dialog).toHaveAttribute("data-pb-theme", "dark");
  });
});
