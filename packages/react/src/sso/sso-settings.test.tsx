import {
  createMockPlugboard,
  fixtureIdentities,
  fixtureSamlCertificates,
  type MockPlugboard,
  mockPlugboardHandlers,
  plugboardErrorHandlers,
  plugboardHandlers,
  plugboardLoadingHandlers,
} from "@plugboard/mocks";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { chooseAction, chooseOption } from "../test/choose-option";
import { postFromPopup, stubPopup } from "../test/fake-popup";
import { renderWithPlugboard } from "../test/render";
import { server } from "../test/server";
import { SsoSettings } from "./sso-settings";

type User = ReturnType<typeof userEvent.setup>;

async function settings() {
  const region = await screen.findByRole("region", { name: "Single sign-on" });
  await waitFor(() => expect(region).not.toHaveAttribute("data-state", "loading"));
  return region;
}

function renderSettings(mock: MockPlugboard = createMockPlugboard()): {
  user: User;
  mock: MockPlugboard;
} {
  const user = userEvent.setup();
  server.use(...mockPlugboardHandlers(mock));
  renderWithPlugboard(<SsoSettings />);
  return { user, mock };
}

async function connection(name: string) {
  const list = within(await settings()).getByRole("list", { name: "Connections" });
  return within(list).findByRole("listitem", { name });
}

describe("SsoSettings", () => {
  it("lists connections with protocol, state, the certificate about to expire, and the IdP values to copy", async () => {
    const { user } = renderSettings();
    const okta = await connection("Okta");
    expect(within(okta).getByText("SAML 2.0")).toBeInTheDocument();
    expect(within(okta).getByRole("switch", { name: "Allow sign-in with Okta" })).toBeChecked();
    expect(within(okta).getByText(/^Certificate expire[sd] .*: add the new one$/)).toBeVisible();
    expect(
      within(okta).getByText(/^Certificate CN=idp\.acme\.test, O=Acme, expires/),
    ).toBeVisible();
    await user.click(within(okta).getByText("Enter these at your identity provider"));
    expect(
      (within(okta).getByRole("textbox", { name: "ACS URL (reply URL)" }) as HTMLInputElement)
        .value,
    ).toMatch(/^http:\/\/localhost(:\d+)?\/api\/plugboard\/sso\/saml\/ssoc_okta\/acs$/);
    expect(within(okta).getByRole("button", { name: "Copy Metadata URL" })).toBeVisible();

    const google = await connection("Google Workspace");
    expect(within(google).getByText("OpenID Connect")).toBeInTheDocument();
    expect(
      within(google).getByRole("switch", { name: "Allow sign-in with Google Workspace" }),
    ).not.toBeChecked();
    expect(within(google).queryByText(/Certificate/)).toBeNull();
  });

  it("shows the empty state, then a SAML connection entered by hand, after inline field errors", async () => {
    const { user } = renderSettings(createMockPlugboard({ fixtures: "empty" }));
    const region = await settings();
    expect(region).toHaveAttribute("data-state", "empty");
    expect(within(region).getByText("No identity provider connected yet.")).toBeVisible();
    await user.click(within(region).getByRole("button", { name: "Add connection" }));
    const dialog = await screen.findByRole("dialog", { name: "Add connection" });
    await user.click(within(dialog).getByRole("button", { name: "Add connection" }));
    const name = within(dialog).getByRole("textbox", { name: "Name" });
    await waitFor(() => expect(name).toHaveAttribute("aria-invalid", "true"));
    expect(name).toHaveFocus();
    expect(within(dialog).getByRole("textbox", { name: "IdP metadata URL" })).toHaveAttribute(
      "aria-invalid",
      "true",
    );

    await user.type(name, "Okta");
    await chooseOption(
      user,
      within(dialog).getByRole("combobox", { name: "Identity provider settings" }),
      "Enter by hand",
    );
    await user.type(
      within(dialog).getByRole("textbox", { name: "IdP entity ID (issuer)" }),
      "http://www.okta.com/exk1",
    );
    await user.type(
      within(dialog).getByRole("textbox", { name: "IdP sign-in URL" }),
      "https://acme.okta.test/sso",
    );
    await user.click(within(dialog).getByRole("textbox", { name: "Signing certificate (PEM)" }));
    await user.paste(fixtureSamlCertificates.current);
    await user.click(within(dialog).getByRole("button", { name: "Add group" }));
    await user.type(within(dialog).getByRole("textbox", { name: "Group" }), "plugboard-admins");
    await user.click(within(dialog).getByRole("button", { name: "Add connection" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    const okta = await connection("Okta");
    expect(within(okta).getByText(/^Certificate CN=idp\.acme\.test/)).toBeVisible();
    // Focus comes back to the control that opened the dialog.
    expect(within(region).getByRole("button", { name: "Add connection" })).toHaveFocus();
  });

  it("shows the server's field error for a certificate it cannot read", async () => {
    const { user } = renderSettings(createMockPlugboard({ fixtures: "empty" }));
    await user.click(within(await settings()).getByRole("button", { name: "Add connection" }));
    const dialog = await screen.findByRole("dialog", { name: "Add connection" });
    await user.type(within(dialog).getByRole("textbox", { name: "Name" }), "Okta");
    await chooseOption(
      user,
      within(dialog).getByRole("combobox", { name: "Identity provider settings" }),
      "Enter by hand",
    );
    await user.type(within(dialog).getByRole("textbox", { name: "IdP entity ID (issuer)" }), "x");
    await user.type(
      within(dialog).getByRole("textbox", { name: "IdP sign-in URL" }),
      "https://acme.okta.test/sso",
    );
    await user.click(within(dialog).getByRole("textbox", { name: "Signing certificate (PEM)" }));
    await user.paste("A".repeat(80));
    await user.click(within(dialog).getByRole("button", { name: "Add connection" }));
    const certificate = within(dialog).getByRole("textbox", { name: "Signing certificate (PEM)" });
    await waitFor(() => expect(certificate).toHaveAttribute("aria-invalid", "true"));
    expect(certificate).toHaveAccessibleDescription("is not an X.509 certificate");
  });

  it("creates an OIDC connection whose client secret is never shown back", async () => {
    const { user } = renderSettings(createMockPlugboard({ fixtures: "empty" }));
    await user.click(within(await settings()).getByRole("button", { name: "Add connection" }));
    const dialog = await screen.findByRole("dialog", { name: "Add connection" });
    await user.type(within(dialog).getByRole("textbox", { name: "Name" }), "Entra");
    await chooseOption(
      user,
      within(dialog).getByRole("combobox", { name: "Protocol" }),
      "OpenID Connect",
    );
    await user.type(
      within(dialog).getByRole("textbox", { name: "Issuer URL" }),
      "https://login.entra.test/v2.0",
    );
    await user.type(within(dialog).getByRole("textbox", { name: "Client ID" }), "plugboard");
    await user.type(within(dialog).getByLabelText("Client secret"), "s3cret-value");
    await user.click(within(dialog).getByRole("button", { name: "Add connection" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    const entra = await connection("Entra");
    expect(screen.queryByDisplayValue("s3cret-value")).toBeNull();
    await chooseAction(
      user,
      within(entra).getByRole("button", { name: "Actions for Entra" }),
      "Edit",
    );
    const edit = await screen.findByRole("dialog", { name: "Edit Entra" });
    expect(within(edit).getByLabelText("Client secret")).toHaveValue("");
    expect(within(edit).getByText("Stored and never shown. Leave empty to keep it.")).toBeVisible();
    expect(within(edit).getByRole("textbox", { name: "Client ID" })).toHaveValue("plugboard");
  });

  it("switches a connection off and deletes one after confirming", async () => {
    const { user } = renderSettings();
    const okta = await connection("Okta");
    const toggle = within(okta).getByRole("switch", { name: "Allow sign-in with Okta" });
    await user.click(toggle);
    await waitFor(() => expect(toggle).not.toBeChecked());
    await waitFor(() =>
      expect(within(okta).getByRole("button", { name: "Test connection" })).toHaveAttribute(
        "aria-disabled",
        "true",
      ),
    );

    const trigger = within(okta).getByRole("button", { name: "Actions for Okta" });
    await chooseAction(user, trigger, "Delete");
    const confirm = await screen.findByRole("alertdialog", { name: "Delete Okta?" });
    await user.click(within(confirm).getByRole("button", { name: "Delete connection" }));
    await waitFor(() =>
      expect(
        within(screen.getByRole("list", { name: "Connections" })).queryByRole("listitem", {
          name: "Okta",
        }),
      ).toBeNull(),
    );
  });

  it("adds a domain with its TXT record, refuses a consumer domain inline, and verifies once published", async () => {
    const { user, mock } = renderSettings();
    const region = await settings();
    const domains = within(region).getByRole("region", { name: "Domains" });
    const list = await within(domains).findByRole("list", { name: "Domains" });
    expect(
      within(within(list).getByRole("listitem", { name: "acme.test" })).getByText("Verified"),
    ).toBeVisible();
    expect(
      within(within(list).getByRole("listitem", { name: "acme-labs.test" })).getByText("Pending"),
    ).toBeVisible();

    const input = within(domains).getByRole("textbox", { name: "Domain" });
    await user.type(input, "gmail.com");
    await user.click(within(domains).getByRole("button", { name: "Add domain" }));
    await waitFor(() => expect(input).toHaveAccessibleDescription("is a consumer mail domain"));

    await user.clear(input);
    await user.type(input, "acme.dev");
    await user.click(within(domains).getByRole("button", { name: "Add domain" }));
    const added = await within(list).findByRole("listitem", { name: "acme.dev" });
    const recordName = within(added).getByRole("textbox", { name: "Record name" });
    expect(recordName).toHaveValue("_plugboard-verification.acme.dev");
    const value = (within(added).getByRole("textbox", { name: "Record value" }) as HTMLInputElement)
      .value;
    expect(value).not.toBe("");

    await user.click(within(added).getByRole("button", { name: "Verify" }));
    expect(await within(added).findByRole("status")).toHaveTextContent(/./);
    expect(within(added).getByText("Pending")).toBeVisible();

    mock.dns.set("_plugboard-verification.acme.dev", [[value]]);
    await user.click(within(added).getByRole("button", { name: "Verify" }));
    expect(await within(added).findByText("Verified")).toBeVisible();
    expect(within(added).queryByRole("textbox", { name: "Record name" })).toBeNull();
  });

  it("requires SSO for the verified domains: saved, said in a toast, and on after a reload", async () => {
    const { user, mock } = renderSettings();
    const policy = within(await settings()).getByRole("region", { name: "Policy" });
    const toggle = await within(policy).findByRole("switch", {
      name: "Require single sign-on for verified domains",
    });
    expect(toggle).not.toBeChecked();
    expect(toggle).toHaveAccessibleDescription(/must sign in with your identity provider/);
    await user.click(toggle);
    const save = within(policy).getByRole("button", { name: "Save policy" });
    await user.click(save);
    expect(await screen.findByText("Policy saved")).toBeVisible();
    cleanup();

    renderSettings(mock);
    const reloaded = within(await settings()).getByRole("region", { name: "Policy" });
    expect(
      await within(reloaded).findByRole("switch", {
        name: "Require single sign-on for verified domains",
      }),
    ).toBeChecked();
  });

  it("adds and removes a break-glass admin", async () => {
    const { user, mock } = renderSettings();
    const policy = within(await settings()).getByRole("region", { name: "Policy" });
    await user.type(
      await within(policy).findByRole("textbox", { name: "Admin email" }),
      " Root@Acme.test{Enter}",
    );
    await user.click(within(policy).getByRole("button", { name: "Save policy" }));
    const list = within(policy).getByRole("list", { name: "Break-glass admins" });
    expect(within(list).getByText("root@acme.test")).toBeVisible();
    await waitFor(async () =>
      expect((await mock.store.sso.getPolicy("org_acme"))?.breakGlassEmails).toEqual([
        "root@acme.test",
      ]),
    );

    await user.click(within(policy).getByRole("button", { name: "Remove root@acme.test" }));
    expect(within(policy).queryByRole("list", { name: "Break-glass admins" })).toBeNull();
    expect(within(policy).getByRole("textbox", { name: "Admin email" })).toHaveFocus();
    await user.click(within(policy).getByRole("button", { name: "Save policy" }));
    await waitFor(async () =>
      expect((await mock.store.sso.getPolicy("org_acme"))?.breakGlassEmails).toEqual([]),
    );
    cleanup();

    renderSettings(mock);
    const reloaded = within(await settings()).getByRole("region", { name: "Policy" });
    await within(reloaded).findByRole("textbox", { name: "Admin email" });
    expect(within(reloaded).queryByRole("list", { name: "Break-glass admins" })).toBeNull();
  });

  it("shows the server's refusal of an address that is not an email", async () => {
    const { user } = renderSettings();
    const policy = within(await settings()).getByRole("region", { name: "Policy" });
    await user.type(
      await within(policy).findByRole("textbox", { name: "Admin email" }),
      "not-an-email",
    );
    await user.click(within(policy).getByRole("button", { name: "Add admin" }));
    await user.click(within(policy).getByRole("button", { name: "Save policy" }));
    const alert = await within(policy).findByRole("alert");
    expect(alert).toHaveTextContent(/^not-an-email: Invalid email address$/);
  });

  it("keeps the requirement off, and says why, until a domain is verified and a connection enabled", async () => {
    renderSettings(createMockPlugboard({ fixtures: "empty" }));
    const policy = within(await settings()).getByRole("region", { name: "Policy" });
    const toggle = await within(policy).findByRole("switch", {
      name: "Require single sign-on for verified domains",
    });
    expect(toggle).toBeDisabled();
    expect(toggle).toHaveAccessibleDescription(
      /Needs a verified domain and an enabled connection\.$/,
    );
  });

  it("tests a connection in a popup and shows the mapped profile, then a refusal's reason", async () => {
    const { popup } = stubPopup();
    const { user } = renderSettings();
    const okta = await connection("Okta");
    await user.click(within(okta).getByRole("button", { name: "Test connection" }));
    await waitFor(() => expect(popup.location.href).toContain("/api/plugboard/sso/login?test="));
    expect(within(okta).getByRole("status")).toHaveTextContent("Waiting for the sign-in window…");

    const profile = {
      email: "ada@acme.test",
      name: "Ada Lovelace",
      subject: "ada@acme.test",
      groups: ["plugboard-admins", "eng"],
      role: "admin",
    };
    // From another origin, or for another connection: ignored.
    postFromPopup(
      popup,
      { type: "plugboard:sso-test", status: "success", connectionId: "ssoc_okta", profile },
      "https://evil.test",
    );
    postFromPopup(popup, {
      type: "plugboard:sso-test",
      status: "success",
      connectionId: "ssoc_google",
      profile,
    });
    expect(within(okta).getByRole("status")).toHaveTextContent("Waiting for the sign-in window…");

    postFromPopup(popup, {
      type: "plugboard:sso-test",
      status: "success",
      connectionId: "ssoc_okta",
      profile,
    });
    const result = within(okta).getByRole("status");
    await waitFor(() => expect(result).toHaveTextContent("Test sign-in succeeded"));
    expect(result).toHaveTextContent("Ada Lovelace");
    expect(result).toHaveTextContent("plugboard-admins, eng");
    expect(result).toHaveTextContent("Admin");

    await user.click(within(okta).getByRole("button", { name: "Test connection" }));
    await waitFor(() => expect(result).toHaveTextContent("Waiting"));
    postFromPopup(popup, {
      type: "plugboard:sso-test",
      status: "error",
      connectionId: "ssoc_okta",
      reason: "signature_invalid",
      message: "The response is not signed by the IdP's certificate",
    });
    await waitFor(() => expect(result).toHaveTextContent("Test sign-in failed"));
    expect(result).toHaveTextContent("signature_invalid");
  });

  it("says so when the browser blocks the test popup, or the admin closes it", async () => {
    const original = window.open;
    window.open = (() => null) as typeof window.open;
    try {
      const { user } = renderSettings();
      const okta = await connection("Okta");
      await user.click(within(okta).getByRole("button", { name: "Test connection" }));
      expect(within(okta).getByRole("status")).toHaveTextContent(
        "The browser blocked the sign-in window.",
      );
      const { popup } = stubPopup();
      await user.click(within(okta).getByRole("button", { name: "Test connection" }));
      await waitFor(() => expect(popup.location.href).toContain("/sso/login?test="));
      popup.close();
      await waitFor(
        () =>
          expect(within(okta).getByRole("status")).toHaveTextContent(
            "The sign-in window was closed before the test finished.",
          ),
        { timeout: 3000 },
      );
    } finally {
      window.open = original;
    }
  });

  it("is read-only for a member: no settings, and inert controls that say why", async () => {
    const { user } = renderSettings(createMockPlugboard({ identity: fixtureIdentities.member }));
    const region = await settings();
    expect(region).toHaveAttribute("data-state", "readonly");
    expect(within(region).getByText("Only admins can change single sign-on.")).toBeVisible();
    const add = within(region).getByRole("button", { name: "Add connection" });
    expect(add).toHaveAttribute("aria-disabled", "true");
    await user.click(add);
    expect(screen.queryByRole("dialog")).toBeNull();
    // The policy is the server's to answer admins only: a member sees neither it nor its controls.
    expect(within(region).queryByRole("region", { name: "Policy" })).toBeNull();
    expect(screen.queryByRole("switch")).toBeNull();
  });

  it("shows loading, then an error with a retry", async () => {
    server.use(...plugboardLoadingHandlers());
    const first = renderWithPlugboard(<SsoSettings />);
    expect(
      await screen.findByRole("status", { name: "Loading single sign-on settings" }),
    ).toBeVisible();
    first.unmount();

    server.use(...plugboardErrorHandlers("internal_error"));
    renderWithPlugboard(<SsoSettings />);
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Could not load single sign-on settings",
    );
    server.use(...plugboardHandlers());
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await connection("Okta")).toBeVisible();
  });
});
