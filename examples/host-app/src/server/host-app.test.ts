import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumLaunchOptions } from "../../../../vitest.shared.ts";
import { startTestHostApp, type TestHostApp } from "./test-host-app";

const clientDir = fileURLToPath(new URL("../../dist/client", import.meta.url));
let host: TestHostApp;
// One Chromium for every browser test of the demo: launching it is the slow part.
let browser: Browser;

beforeAll(async () => {
  [host, browser] = await Promise.all([
    startTestHostApp(clientDir),
    chromium.launch(chromiumLaunchOptions),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

/** Install on the GitHub card, Authorize in the simulator's consent popup, back installed. */
async function installGitHub(page: Page, app: TestHostApp) {
  const github = page.getByRole("article", { name: "GitHub" });
  await github.getByText("Not installed").waitFor();
  const [popup] = await Promise.all([
    page.waitForEvent("popup"),
    github.getByRole("button", { name: "Install" }).click(),
  ]);
  await github.getByRole("button", { name: "Installing…" }).waitFor();
  await popup.waitForURL(`${app.host.simulators?.github.origin}/login/oauth/authorize?**`);
  const closed = popup.waitForEvent("close");
  await popup.getByRole("link", { name: "Authorize" }).click();
  await closed; // the callback page posted its message and closed itself
  await github.getByText("Installed", { exact: true }).waitFor();
  return github;
}

describe("the demo host app", () => {
  it("serves the catalog from its SQLite store to the demo admin", async () => {
    const response = await fetch(`${host.origin}/api/plugboard/integrations`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { id: string; installed: boolean }[] };
    expect(body.data.map((entry) => entry.id)).toContain("github");
  });

  it("keeps the Pumble webhook URL out of the SQLite file", async () => {
    const webhookUrl = "https://api.pumble.com/workspaces/1/incomingWebhooks/postMessage/TOPSECRET";
    const response = await fetch(`${host.origin}/api/plugboard/integrations/pumble/installations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ webhookUrl }),
    });
    expect(response.status).toBe(201);
    const database = host.readDatabase();
    expect(database).toContain("pumble");
    expect(database).not.toContain("TOPSECRET");
  });

  it("answers 401 for an unknown demo user and 413 for an oversized body", async () => {
    const anonymous = await fetch(`${host.origin}/api/plugboard/integrations`, {
      headers: { cookie: "demo_user=mallory" },
    });
    expect(anonymous.status).toBe(401);
    const big = await fetch(`${host.origin}/api/plugboard/integrations/pumble/installations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "x".repeat(300 * 1024),
    });
    expect(big.status).toBe(413);
    expect(big.headers.get("content-type")).toBe("application/problem+json");
  });
});

describe("the settings page in Chromium", () => {
  it("renders every integration card with its installed state", async () => {
    const page = await browser.newPage();
    await page.goto(host.origin);

    const pumble = page.getByRole("article", { name: "Pumble" });
    await pumble.getByText("Installed", { exact: true }).waitFor();
    await page.getByRole("article", { name: "GitHub" }).getByText("Not installed").waitFor();
    expect(await page.getByRole("article").count()).toBe(5);
    // Pumble's card completes offline: the page offers the simulated channel's webhook URL.
    const offered = host.host.simulators?.pumble.simulation.webhookUrl ?? "-";
    await page.getByText(offered, { exact: true }).waitFor();
  });

  it("installs GitHub through the popup against the GitHub simulator, without a reload", async () => {
    const page = await browser.newPage();
    await page.goto(host.origin);
    await page.getByRole("article", { name: "GitHub" }).getByText("Not installed").waitFor();
    let reloaded = false;
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) reloaded = true;
    });

    const github = await installGitHub(page, host);
    await github.getByText(/Connected as acme-demo/).waitFor();
    expect(await github.getAttribute("data-state")).toBe("installed");
    expect(reloaded).toBe(false);

    // The project section can now link one of the fake installation's repositories.
    const linked = page.getByRole("region", { name: "Linked repositories" });
    await linked.getByRole("combobox", { name: "Repository" }).click();
    await page.getByRole("option", { name: "acme/api" }).click();
    await linked.getByRole("button", { name: "Link repository" }).click();
    await linked.getByRole("button", { name: "Unlink acme/api" }).waitFor();

    const database = host.readDatabase();
    expect(database).toContain("acme-demo");
    const [token] = host.host.simulators?.github.simulation.issued ?? [];
    expect(token).toMatch(/^gho_/);
    expect(database).not.toContain(token);
  });

  it("reports a cancelled consent inline and stays not installed", async () => {
    const page = await browser.newPage();
    await page.goto(host.origin);
    const github = page.getByRole("article", { name: "GitHub" });
    await github.getByText("Installed", { exact: true }).waitFor();
    await github.getByRole("button", { name: "Uninstall" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Uninstall GitHub?" });
    await dialog.getByRole("button", { name: "Uninstall" }).click();
    await github.getByText("Not installed").waitFor();

    const [popup] = await Promise.all([
      page.waitForEvent("popup"),
      github.getByRole("button", { name: "Install" }).click(),
    ]);
    await popup.getByRole("link", { name: "Cancel" }).click();
    await expect
      .poll(() => github.getByRole("alert").textContent())
      .toContain("You cancelled connecting GitHub");
    expect(await github.getAttribute("data-state")).toBe("available");
  });
});

describe("the demo as a tracker, in Chromium", () => {
  it("closes DEMO-1 on the Issues page when a pull request mentioning it merges on GitHub", async () => {
    // A demo of its own: the settings tests above install and uninstall GitHub on theirs.
    const app = await startTestHostApp(clientDir);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${app.origin}/issues`);
      const issue = page.getByRole("row", { name: /DEMO-1/ });
      await issue.getByText("Todo").waitFor();

      await page
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: "Settings" })
        .click();
      await installGitHub(page, app);
      const linked = page.getByRole("region", { name: "Linked repositories" });
      await linked.getByRole("combobox", { name: "Repository" }).click();
      await page.getByRole("option", { name: "acme/web" }).click();
      await linked.getByRole("button", { name: "Link repository" }).click();
      await linked.getByRole("button", { name: "Unlink acme/web" }).waitFor();

      // A person on GitHub: open a pull request that mentions DEMO-1, then merge it.
      const github = await context.newPage();
      await github.goto(`${app.host.simulators?.github.origin}/acme/web/pulls`);
      await github.getByLabel("Title").fill("Fix the checkout button on mobile");
      await github.getByLabel("Description").fill("Closes DEMO-1");
      await github.getByRole("button", { name: "Open pull request" }).click();
      const pull = github.getByRole("listitem", { name: "#1 Fix the checkout button on mobile" });
      await pull.getByText("Open", { exact: true }).waitFor();
      await pull.getByRole("button", { name: "Merge" }).click();
      await pull.getByText("Merged", { exact: true }).waitFor();

      await page
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: "Issues" })
        .click();
      await issue.getByText("Done").waitFor();
      await issue.getByRole("link", { name: "DEMO-1" }).click();
      await page.getByRole("heading", { level: 1, name: /DEMO-1/ }).waitFor();
      await page
        .getByRole("region", { name: "Comments" })
        .getByText(/Mentioned in acme\/web #1/)
        .waitFor();
      expect(await page.getByRole("definition").first().textContent()).toBe("Done");
    } finally {
      await context.close();
      await app.stop();
    }
  });

  it("creates an issue from the Issues page, shows a field's error, and edits it", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${host.origin}/issues`);
    await page.getByRole("link", { name: "New issue" }).click();
    await page.getByRole("heading", { level: 1, name: "New issue in Demo" }).waitFor();
    await page.getByRole("button", { name: "Create issue" }).click();
    const title = page.getByLabel("Title");
    await page.getByText("Give the issue a title").waitFor();
    expect(await title.getAttribute("aria-invalid")).toBe("true");

    await title.fill("Password reset email never arrives");
    await page.getByLabel("Priority").selectOption({ label: "Urgent" });
    await page.getByLabel("Due date").fill("2026-12-24");
    await page.getByRole("button", { name: "Create issue" }).click();
    await page.getByRole("heading", { level: 1, name: /DEMO-\d+ Password reset/ }).waitFor();
    expect(page.url()).toMatch(/\/issues\/DEMO-\d+$/);

    await page.getByLabel("Status").selectOption({ label: "In Progress" });
    await page.getByRole("button", { name: "Save changes" }).click();
    await page
      .getByRole("status")
      .getByText(/^Saved/)
      .waitFor();
    await page.getByRole("link", { name: "← Issues" }).click();
    const row = page.getByRole("row", { name: /Password reset email never arrives/ });
    await row.getByText("In Progress").waitFor();
    expect(await row.getByText("Urgent").count()).toBe(1);
    expect(await row.getByText("Dec 24, 2026").count()).toBe(1);
    await page.close();
  });
});

describe("Jira import from the Jira simulator into the tracker, in Chromium", () => {
  it("connects to the simulated Jira Cloud, maps, dry-runs, imports, and re-runs without duplicates", async () => {
    const page = await browser.newPage();
    try {
      await page.goto(host.origin);
      const card = page.getByRole("article", { name: "Jira import" });
      await card.getByRole("button", { name: "Import" }).click();
      const dialog = page.getByRole("dialog", { name: "Import from Jira" });

      await dialog.getByLabel("Site URL").fill(host.host.simulators?.jira.origin ?? "");
      await dialog.getByLabel("Account email").fill("ada@example.com");
      await dialog.getByLabel("API token").fill("jira-test-api-token");
      await dialog.getByRole("button", { name: "Connect to Jira" }).click();

      await dialog.getByRole("heading", { name: /Choose$/ }).waitFor();
      await dialog.getByRole("combobox", { name: "Jira project" }).click();
      await page.getByRole("option", { name: "Orbit (ORB)" }).click();
      await dialog.getByRole("combobox", { name: "Import into" }).click();
      await page.getByRole("option", { name: "Demo" }).click();
      await dialog.getByRole("button", { name: "Next" }).click();

      // Map: Jira's "Done" suggested as the tracker's Done; Ada mapped by hand.
      await dialog.getByRole("heading", { name: /Map$/ }).waitFor();
      const done = dialog.getByRole("combobox", { name: "Done becomes" });
      expect(await done.textContent()).toBe("Done");
      await dialog.getByRole("combobox", { name: "Ada Lovelace becomes" }).click();
      await page.getByRole("option", { name: "Ada Lovelace" }).click();
      await dialog.getByRole("button", { name: "Dry run" }).click();

      await dialog.getByRole("heading", { name: /Dry run$/ }).waitFor();
      await dialog.getByText("Nothing has been written yet").waitFor();
      const imported = () =>
        host.host.tracker.db
          .prepare("SELECT count(*) AS n FROM issues WHERE external_id IS NOT NULL")
          .get() as { n: number };
      expect(imported().n).toBe(0);

      await dialog.getByRole("button", { name: "Start import" }).click();
      await dialog.getByText("Import finished").waitFor({ timeout: 30_000 });
      const count = (label: string) =>
        dialog.locator(".pb-jira-import__count", { hasText: label }).locator("dd").textContent();
      expect(await count("Created")).toBe("60");
      expect(imported().n).toBe(60);

      await dialog.getByRole("button", { name: "Run again" }).click();
      await expect.poll(() => count("Updated"), { timeout: 30_000 }).toBe("60");
      expect(await count("Created")).toBe("0");
      expect(imported().n).toBe(60);

      // The issues are the tracker's own now, each once, with Ada as assignee where Jira had her.
      await dialog.getByRole("button", { name: "Close" }).click();
      await page.goto(`${host.origin}/issues`);
      const epic = page.getByRole("row", { name: /Epic 1: orbit milestone/ });
      await epic.waitFor();
      expect(await epic.count()).toBe(1);
    } finally {
      await page.close();
    }
    // Two full imports of 60 issues: about 11 s alone, more while other suites load the machine.
  }, 90_000);
});

describe("SSO sign-in in Chromium", () => {
  /** Ada (the demo admin, no cookie yet) sets SSO up through the REST API, then signs out. */
  async function configure(page: Page, connection: unknown) {
    const api = (path: string, data?: unknown, method = "POST") =>
      page.request.fetch(`${host.origin}${path}`, { method, ...(data ? { data } : {}) });
    const existing = await (await api("/api/plugboard/sso/connections", undefined, "GET")).json();
    for (const old of existing.data as { id: string }[]) {
      await api(`/api/plugboard/sso/connections/${old.id}`, { enabled: false }, "PATCH");
    }
    expect((await api("/api/plugboard/sso/connections", connection)).status()).toBe(201);
    const domains = (await (await api("/api/plugboard/sso/domains", undefined, "GET")).json()).data;
    if (!domains.some((domain: { verified: boolean }) => domain.verified)) {
      const domain = await (
        await api("/api/plugboard/sso/domains", { domain: "acme.test" })
      ).json();
      // Published at the demo's stand-in DNS, as the admin would at their DNS provider.
      expect((await api("/demo-auth/dns", domain.txtRecord)).status()).toBe(204);
      expect((await api(`/api/plugboard/sso/domains/${domain.id}/verify`)).status()).toBe(200);
    }
    await page.goto(`${host.origin}/demo-auth/sign-out`);
    await page.getByLabel("Work email").fill("alice@acme.test");
    await page.getByRole("button", { name: "Sign in with SSO" }).click();
  }

  it("signs Alice in through the simulated SAML IdP, configured from its metadata URL", async () => {
    const saml = host.host.simulators?.samlIdp;
    const context = await browser.newContext();
    const page = await context.newPage();
    await configure(page, {
      protocol: "saml",
      name: "Simulated SAML IdP",
      saml: { metadataUrl: saml?.metadataUrl },
    });
    await page.waitForURL(`${saml?.origin}/sso?**`);
    await page.getByLabel("Email").fill("alice@acme.test");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL(`${host.origin}/`);
    await expect.poll(() => page.getByLabel("Signed in as").inputValue()).toBe("alice");
    await context.close();
  });

  it("signs Alice in through the simulated OpenID provider", async () => {
    const simulators = host.host.simulators;
    const context = await browser.newContext();
    const page = await context.newPage();
    await configure(page, {
      protocol: "oidc",
      name: "Simulated OIDC IdP",
      oidc: { issuer: simulators?.oidcIdp.issuer, ...simulators?.oidcClient },
    });
    await page.waitForURL(`${simulators?.oidcIdp.issuer}/interaction/**`);
    await page.getByPlaceholder("Enter any login").fill("alice@acme.test");
    await page.getByPlaceholder("and password").fill("any");
    await page.getByRole("button", { name: "Sign-in" }).click();
    await page.waitForURL(`${host.origin}/`);
    await expect.poll(() => page.getByLabel("Signed in as").inputValue()).toBe("alice");
    await context.close();
  });

  it("tests the OIDC connection from the settings page: the mapped profile shows, nobody is signed in", async () => {
    const simulators = host.host.simulators;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${host.origin}/`); // Ada, the demo admin
    const sso = page.getByRole("region", { name: "Single sign-on" });
    const connection = sso.getByRole("listitem", { name: "Simulated OIDC IdP" }).last();
    await connection.getByRole("switch", { name: /Allow sign-in/ }).waitFor();
    const [popup] = await Promise.all([
      page.waitForEvent("popup"),
      connection.getByRole("button", { name: "Test connection" }).click(),
    ]);
    await popup.waitForURL(`${simulators?.oidcIdp.issuer}/interaction/**`);
    await popup.getByPlaceholder("Enter any login").fill("alice@acme.test");
    await popup.getByPlaceholder("and password").fill("any");
    const closed = popup.waitForEvent("close");
    await popup.getByRole("button", { name: "Sign-in" }).click();
    await closed; // the test result page posted its message and closed itself
    const result = connection.getByRole("status").filter({ hasText: "Test sign-in" });
    await result.getByText("Test sign-in succeeded. Nobody was signed in.").waitFor();
    await result.getByText("alice@acme.test").waitFor();
    expect(await page.getByLabel("Signed in as").inputValue()).toBe("ada");
    expect((await context.cookies()).find((cookie) => cookie.name === "demo_user")).toBeUndefined();
    await context.close();
  });
  it("adds a SAML connection from the IdP's metadata URL in the settings page and tests it", async () => {
    const saml = host.host.simulators?.samlIdp;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${host.origin}/`); // Ada, the demo admin
    const sso = page.getByRole("region", { name: "Single sign-on" });
    await sso.getByRole("button", { name: "Add connection" }).click();
    const dialog = page.getByRole("dialog", { name: "Add connection" });
    await dialog.getByRole("textbox", { name: "Name", exact: true }).fill("SAML added in the UI");
    await dialog.getByRole("textbox", { name: "IdP metadata URL" }).fill(saml?.metadataUrl ?? "");
    await dialog.getByRole("button", { name: "Add connection" }).click();
    await dialog.waitFor({ state: "detached" });
    const connection = sso.getByRole("listitem", { name: "SAML added in the UI" }).last();
    await connection
      .getByText(/^Certificate CN=/)
      .first()
      .waitFor();
    const [popup] = await Promise.all([
      page.waitForEvent("popup"),
      connection.getByRole("button", { name: "Test connection" }).click(),
    ]);
    await popup.waitForURL(`${saml?.origin}/sso?**`);
    await popup.getByLabel("Email").fill("alice@acme.test");
    await popup.getByRole("button", { name: "Sign in" }).click();
    const closed = popup.waitForEvent("close");
    await popup.getByRole("button", { name: "Continue" }).click();
    await closed;
    const result = connection.getByRole("status").filter({ hasText: "Test sign-in" });
    await result.getByText("Test sign-in succeeded. Nobody was signed in.").waitFor();
    await result.getByText("alice@acme.test").waitFor();
    expect(await page.getByLabel("Signed in as").inputValue()).toBe("ada");
    await context.close();
  });
});

describe("the Slack app against the Slack simulator, in Chromium", () => {
  it("creates an issue from the Slack channel, and the Slack message follows a status change in the tracker", async () => {
    const app = await startTestHostApp(clientDir);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(app.origin);
      // Install Slack from its card: Authorize on the simulator's consent page.
      const card = page.getByRole("article", { name: "Slack" });
      const [popup] = await Promise.all([
        page.waitForEvent("popup"),
        card.getByRole("button", { name: "Install" }).click(),
      ]);
      const closed = popup.waitForEvent("close");
      await popup.getByRole("link", { name: "Authorize" }).click();
      await closed;
      await card.getByText("Installed", { exact: true }).waitFor();

      // Pick the project's channel.
      const settings = page.getByRole("region", { name: "Slack notifications" });
      // A Radix select: its options open in a popup outside the region (a portal).
      await settings.getByRole("combobox", { name: "Channel" }).click();
      await page.getByRole("option", { name: "#general" }).click();
      await settings.getByRole("button", { name: "Save" }).click();
      await settings.getByText("Posting to #general").waitFor();

      // In the Slack channel: the first command asks to connect the Slack account.
      const slack = await context.newPage();
      await slack.goto(`${app.host.simulators?.slack.origin}/simulator/channels/C0GENERAL`);
      await slack
        .getByRole("textbox", { name: "Message" })
        .fill("/plugboard create Checkout is slow");
      await slack.getByRole("button", { name: "Send" }).click();
      await slack.getByRole("link", { name: "Connect your account" }).click();
      await slack.getByRole("button", { name: "Connect account" }).click();
      await slack
        .getByText(/connected|linked/i)
        .first()
        .waitFor();
      // The settings page lists the new link under the user's linked accounts.
      await page.reload();
      await page
        .getByRole("list", { name: "Linked accounts" })
        .getByRole("listitem")
        .filter({ hasText: "Slack" })
        .waitFor();

      // Linked: the command opens the modal; submitting it creates the issue as that user.
      await slack.goto(`${app.host.simulators?.slack.origin}/simulator/channels/C0GENERAL`);
      await slack
        .getByRole("textbox", { name: "Message" })
        .fill("/plugboard create Checkout is slow");
      await slack.getByRole("button", { name: "Send" }).click();
      const modal = slack.getByRole("dialog", { name: "Create issue" });
      await modal.getByLabel("Title").waitFor();
      expect(await modal.getByLabel("Title").inputValue()).toBe("Checkout is slow");
      await modal.getByRole("button", { name: "Create" }).click();
      const message = slack.getByRole("listitem", { name: "Message" }).filter({
        hasText: "Checkout is slow",
      });
      await message.waitFor();

      // The issue is in the tracker; its status changes there.
      await page.goto(`${app.origin}/issues`);
      const row = page.getByRole("row", { name: /Checkout is slow/ });
      await row.getByText("Todo").waitFor();
      await row.getByRole("link").first().click();
      await page.getByLabel("Status").selectOption({ label: "Done" });
      await page.getByRole("button", { name: "Save changes" }).click();
      await page
        .getByRole("status")
        .getByText(/^Saved/)
        .waitFor();

      // The same Slack message now says Done (edited in place), with the change in its thread.
      const edited = slack.getByRole("listitem", { name: "Message (edited)" }).filter({
        hasText: "Checkout is slow",
      });
      // The change came from the tracker, not the page: reload until the worker has posted it.
      for (let attempt = 0; attempt < 20 && (await edited.count()) === 0; attempt++) {
        await slack.reload();
        await edited.waitFor({ timeout: 500 }).catch(() => {});
      }
      expect(await edited.getByRole("combobox", { name: "status" }).inputValue()).toMatch(
        /\|st_done$/,
      );
      expect(
        await slack
          .getByRole("listitem", { name: /^Message/ })
          .filter({ hasText: "Checkout is slow" })
          .count(),
      ).toBe(1);
    } finally {
      await context.close();
      await app.stop();
    }
    // Four round trips through the demo's job worker, which polls: seconds each under load.
  }, 60_000);
});

describe("Google Calendar two-way sync, in Chromium", () => {
  it("DEMO-1's due date shows in the week view; a drag moves the due date, the tracker moves the event", async () => {
    const app = await startTestHostApp(clientDir);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${app.origin}/`);
      const card = page.getByRole("article", { name: "Google Calendar" });
      await card.getByText("Not installed").waitFor();
      const [popup] = await Promise.all([
        page.waitForEvent("popup"),
        card.getByRole("button", { name: "Install" }).click(),
      ]);
      const closed = popup.waitForEvent("close");
      await popup.getByRole("link", { name: "Authorize" }).click();
      await closed;
      const sync = page.getByRole("region", { name: "Google Calendar sync" });
      await sync.getByRole("combobox", { name: "Calendar", exact: true }).click();
      await page.getByRole("option", { name: "Ada Lovelace" }).click();
      await sync.getByRole("button", { name: "Save and sync" }).click();
      await sync.getByLabel("Sync status").waitFor();

      // Google Calendar, as Ada sees it: DEMO-1 is due Friday 11 December.
      const week = await context.newPage();
      const google = app.host.simulators?.google.origin;
      await week.goto(`${google}/calendar/week?calendar=primary%40sim.example&date=2026-12-11`);
      const event = week.getByRole("article", { name: /DEMO-1 Checkout button/ });
      await week.getByRole("region", { name: "Fri, 11 Dec" }).getByRole("article").waitFor();
      await event.dragTo(week.getByRole("region", { name: "Wed, 09 Dec" }));
      await week.getByRole("region", { name: "Wed, 09 Dec" }).getByRole("article").waitFor();

      // Google pushes the change; the sync moves the issue's due date through the host port.
      const detail = await context.newPage();
      await expect
        .poll(async () => {
          const response = await fetch(`${app.origin}/demo-tracker/issues/DEMO-1`);
          return ((await response.json()) as { issue: { dueDate: string | null } }).issue.dueDate;
        })
        .toBe("2026-12-09");
      await detail.goto(`${app.origin}/issues/DEMO-1`);
      await detail.getByText("Dec 9, 2026").waitFor();

      // And back: the tracker changes the due date, the week view follows.
      await detail.getByLabel("Due date").fill("2026-12-10");
      await detail.getByRole("button", { name: "Save changes" }).click();
      await detail
        .getByRole("status")
        .getByText(/^Saved/)
        .waitFor();
      await week.getByRole("region", { name: "Thu, 10 Dec" }).getByRole("article").waitFor();
      expect(
        await week.getByRole("region", { name: "Wed, 09 Dec" }).getByRole("article").count(),
      ).toBe(0);
    } finally {
      await context.close();
      await app.stop();
    }
  });
});
