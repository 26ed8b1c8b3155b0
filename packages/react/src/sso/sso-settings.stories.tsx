/// <reference types="msw-storybook-addon/csf3" />
import {
  createMockPlugboard,
  fixtureIdentities,
  mockPlugboardHandlers,
  plugboardErrorHandlers,
  plugboardLoadingHandlers,
} from "@plugboard/mocks";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, screen, userEvent, waitFor, within } from "storybook/test";
import { chooseOption } from "../test/choose-option";
import { atWidth, expectFits } from "../test/layout";
import { stubStoryPopup } from "../test/story-popup";
import { loadedRegion, mockApi } from "../test/story-states";
import { SsoSettings } from "./sso-settings";

const meta = {
  title: "SSO/SsoSettings",
  component: SsoSettings,
} satisfies Meta<typeof SsoSettings>;

export default meta;
type Story = StoryObj<typeof meta>;

const loaded = (canvasElement: HTMLElement) => loadedRegion(canvasElement, "Single sign-on");

async function connection(region: HTMLElement, name: string) {
  const list = within(region).getByRole("list", { name: "Connections" });
  return within(list).findByRole("listitem", { name });
}

async function openAddDialog(canvasElement: HTMLElement) {
  const region = await loaded(canvasElement);
  await userEvent.click(within(region).getByRole("button", { name: "Add connection" }));
  return screen.findByRole("dialog", { name: "Add connection" });
}

/** No connection yet: an invitation to add one, and the domains to prove. */
export const Empty: Story = {
  parameters: mockApi({ fixtures: "empty" }),
  play: async ({ canvasElement }) => {
    const region = await loaded(canvasElement);
    await expect(region).toHaveAttribute("data-state", "empty");
    await expect(within(region).getByText("No identity provider connected yet.")).toBeVisible();
    await expect(await within(region).findByText("No domains yet.")).toBeVisible();
    await expect(within(region).getByRole("button", { name: "Add connection" })).toBeEnabled();
  },
};

/**
 * Acme: Okta over SAML rotating its key (the old certificate is about to expire), Google over
 * OIDC switched off, a verified and a pending domain, and two recent sign-ins.
 */
export const List: Story = {
  tags: ["screenshot"],
  parameters: mockApi(),
  play: async ({ canvasElement }) => {
    const region = await loaded(canvasElement);
    await expect(region).toHaveAttribute("data-state", "ready");
    const okta = await connection(region, "Okta");
    await expect(okta).toHaveAttribute("data-state", "warning");
    await expect(within(okta).getByText(/: add the new one$/)).toBeVisible();
    const google = await connection(region, "Google Workspace");
    await expect(google).toHaveAttribute("data-state", "disabled");
    await userEvent.click(within(okta).getByText("Enter these at your identity provider"));
    await expect(within(okta).getByRole("textbox", { name: "ACS URL (reply URL)" })).toHaveValue(
      `${location.origin}/api/plugboard/sso/saml/ssoc_okta/acs`,
    );
    const attempts = within(region).getByRole("region", { name: "Recent sign-ins" });
    await expect(
      await within(attempts).findByText("The response is not signed by the IdP's certificate"),
    ).toBeVisible();
  },
};

/** Add a SAML connection by hand: entity id, SSO URL and the signing certificate. */
export const CreateSaml: Story = {
  tags: ["screenshot"],
  parameters: mockApi({ fixtures: "empty" }),
  play: async ({ canvasElement }) => {
    const dialog = await openAddDialog(canvasElement);
    await userEvent.type(within(dialog).getByRole("textbox", { name: "Name" }), "Okta");
    await chooseOption(
      userEvent,
      within(dialog).getByRole("combobox", { name: "Identity provider settings" }),
      "Enter by hand",
    );
    await expect(within(dialog).getByRole("textbox", { name: "IdP sign-in URL" })).toBeVisible();
    await expect(
      within(dialog).getByRole("textbox", { name: /^Second certificate/ }),
    ).toBeVisible();
    await expect(
      within(dialog).getByRole("checkbox", {
        name: /Allow sign-in started at the identity provider/,
      }),
    ).not.toBeChecked();
  },
};

/** Add an OIDC connection: issuer, client id, a secret that is never shown back, scopes. */
export const CreateOidc: Story = {
  tags: ["screenshot"],
  parameters: mockApi({ fixtures: "empty" }),
  play: async ({ canvasElement }) => {
    const dialog = await openAddDialog(canvasElement);
    await userEvent.type(within(dialog).getByRole("textbox", { name: "Name" }), "Entra ID");
    await chooseOption(
      userEvent,
      within(dialog).getByRole("combobox", { name: "Protocol" }),
      "OpenID Connect",
    );
    await userEvent.type(
      within(dialog).getByRole("textbox", { name: "Issuer URL" }),
      "https://login.microsoftonline.com/acme/v2.0",
    );
    await expect(within(dialog).getByLabelText("Client secret")).toHaveAttribute(
      "type",
      "password",
    );
    await expect(within(dialog).getByRole("textbox", { name: "Scopes" })).toHaveValue(
      "openid email profile",
    );
  },
};

/** Submitting an incomplete form: each problem under its field, focus on the first. */
export const FieldErrors: Story = {
  tags: ["screenshot"],
  parameters: mockApi({ fixtures: "empty" }),
  play: async ({ canvasElement }) => {
    const dialog = await openAddDialog(canvasElement);
    await userEvent.type(
      within(dialog).getByRole("textbox", { name: "IdP metadata URL" }),
      "not a url",
    );
    await userEvent.click(within(dialog).getByRole("button", { name: "Add connection" }));
    const name = within(dialog).getByRole("textbox", { name: "Name" });
    await waitFor(() => expect(name).toHaveAttribute("aria-invalid", "true"));
    await expect(name).toHaveFocus();
    await expect(within(dialog).getByRole("textbox", { name: "IdP metadata URL" })).toHaveAttribute(
      "aria-invalid",
      "true",
    );
  },
};

/** Domains: the pending one shows the TXT record to publish; a consumer domain is refused. */
export const Domains: Story = {
  tags: ["screenshot"],
  parameters: mockApi(),
  play: async ({ canvasElement }) => {
    const region = await loaded(canvasElement);
    const domains = within(region).getByRole("region", { name: "Domains" });
    const list = await within(domains).findByRole("list", { name: "Domains" });
    const pending = within(list).getByRole("listitem", { name: "acme-labs.test" });
    await expect(pending).toHaveAttribute("data-state", "pending");
    await expect(within(pending).getByRole("textbox", { name: "Record name" })).toHaveValue(
      "_plugboard-verification.acme-labs.test",
    );
    const verified = within(list).getByRole("listitem", { name: "acme.test" });
    await expect(verified).toHaveAttribute("data-state", "verified");
    await expect(within(verified).getByRole("button", { name: "Check again" })).toBeVisible();
    const input = within(domains).getByRole("textbox", { name: "Domain" });
    await userEvent.type(input, "gmail.com");
    await userEvent.click(within(domains).getByRole("button", { name: "Add domain" }));
    await waitFor(() => expect(input).toHaveAccessibleDescription("is a consumer mail domain"));
  },
};

/**
 * The policy: SSO required for the verified domains, with a break-glass admin who may still use
 * a password; saved with a toast.
 */
export const Policy: Story = {
  tags: ["screenshot"],
  parameters: mockApi(),
  play: async ({ canvasElement }) => {
    const region = await loaded(canvasElement);
    const policy = within(region).getByRole("region", { name: "Policy" });
    const toggle = await within(policy).findByRole("switch", {
      name: "Require single sign-on for verified domains",
    });
    await userEvent.click(toggle);
    await userEvent.type(
      within(policy).getByRole("textbox", { name: "Admin email" }),
      "root@acme.test{Enter}",
    );
    await userEvent.click(within(policy).getByRole("button", { name: "Save policy" }));
    await expect(await screen.findByText("Policy saved")).toBeVisible();
    await expect(
      within(policy).getByRole("switch", { name: "Require single sign-on for verified domains" }),
    ).toBeChecked();
    await expect(
      within(within(policy).getByRole("list", { name: "Break-glass admins" })).getByText(
        "root@acme.test",
      ),
    ).toBeVisible();
    policy.scrollIntoView({ block: "center" });
    await expectFits(region);
  },
};

/** Publishing the TXT record, then Verify: the domain turns verified. */
const dnsMock = createMockPlugboard();
export const VerifyDomain: Story = {
  parameters: { msw: { handlers: mockPlugboardHandlers(dnsMock) } },
  play: async ({ canvasElement }) => {
    const region = await loaded(canvasElement);
    const list = await within(region).findByRole("list", { name: "Domains" });
    const pending = within(list).getByRole("listitem", { name: "acme-labs.test" });
    await userEvent.click(within(pending).getByRole("button", { name: "Verify" }));
    await waitFor(() => expect(within(pending).getByRole("status")).toHaveTextContent(/TXT/));
    const value = within(pending).getByRole("textbox", {
      name: "Record value",
    }) as HTMLInputElement;
    dnsMock.dns.set("_plugboard-verification.acme-labs.test", [[value.value]]);
    await userEvent.click(within(pending).getByRole("button", { name: "Verify" }));
    await waitFor(() => expect(pending).toHaveAttribute("data-state", "verified"));
  },
};

let popup: ReturnType<typeof stubStoryPopup>["state"];
function stubPopup() {
  const stub = stubStoryPopup();
  popup = stub.state;
  return stub.cleanup;
}

/** Clicks Test connection on Okta, waits for the popup's test URL, and posts `message` back. */
async function runTest(canvasElement: HTMLElement, message: Record<string, unknown>) {
  const region = await loaded(canvasElement);
  const okta = await connection(region, "Okta");
  await userEvent.click(within(okta).getByRole("button", { name: "Test connection" }));
  await waitFor(() => expect(popup.popup.location.href).toContain("/sso/login?test="));
  window.dispatchEvent(
    new MessageEvent("message", {
      data: { type: "plugboard:sso-test", connectionId: "ssoc_okta", ...message },
      origin: location.origin,
      source: popup.popup,
    }),
  );
  return okta;
}

/** Test connection succeeded: the profile as mapped, and nobody signed in. */
export const TestSucceeded: Story = {
  tags: ["screenshot"],
  parameters: mockApi(),
  beforeEach: stubPopup,
  play: async ({ canvasElement }) => {
    const okta = await runTest(canvasElement, {
      status: "success",
      profile: {
        email: "ada@acme.test",
        name: "Ada Lovelace",
        subject: "00u1ada",
        groups: ["plugboard-admins", "engineering"],
        role: "admin",
      },
    });
    const result = within(okta).getByRole("status");
    await waitFor(() => expect(result).toHaveTextContent("Test sign-in succeeded"));
    await expect(result).toHaveTextContent("plugboard-admins, engineering");
  },
};

/** Test connection refused: the reason, as the server logged it. */
export const TestFailed: Story = {
  tags: ["screenshot"],
  parameters: mockApi(),
  beforeEach: stubPopup,
  play: async ({ canvasElement }) => {
    const okta = await runTest(canvasElement, {
      status: "error",
      reason: "audience_mismatch",
      message: "The response is meant for another service provider (Audience)",
    });
    const result = within(okta).getByRole("status");
    await waitFor(() => expect(result).toHaveTextContent("Test sign-in failed"));
    await expect(result).toHaveTextContent("audience_mismatch");
  },
};

/** A member: the server answers SSO settings to admins only; the controls say why. */
export const ReadOnly: Story = {
  tags: ["screenshot"],
  parameters: mockApi({ identity: fixtureIdentities.member }),
  play: async ({ canvasElement }) => {
    const region = await loaded(canvasElement);
    await expect(region).toHaveAttribute("data-state", "readonly");
    const add = within(region).getByRole("button", { name: "Add connection" });
    await expect(add).toHaveAttribute("aria-disabled", "true");
    await userEvent.hover(add);
    await expect(await screen.findByRole("tooltip")).toHaveTextContent(
      "Only admins can change single sign-on.",
    );
  },
};

export const Loading: Story = {
  parameters: { msw: { handlers: plugboardLoadingHandlers() } },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByRole("status", {
        name: "Loading single sign-on settings",
      }),
    ).toBeVisible();
  },
};

export const LoadError: Story = {
  parameters: { msw: { handlers: plugboardErrorHandlers("internal_error") } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole("alert")).toHaveTextContent(
      "Could not load single sign-on settings",
    );
  },
};

/** A small phone: everything wraps, nothing sticks out. */
export const FitsAt320: Story = {
  globals: atWidth(320),
  parameters: mockApi(),
  play: async ({ canvasElement }) => {
    const region = await loaded(canvasElement);
    await within(region).findByRole("list", { name: "Domains" });
    await expectFits(region);
  },
};
