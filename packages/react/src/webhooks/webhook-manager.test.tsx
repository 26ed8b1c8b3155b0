import {
  createMockPlugboard,
  fixtureIdentities,
  fixtureWebhooks,
  type MockPlugboard,
  mockPlugboardHandlers,
  plugboardErrorHandlers,
  plugboardHandlers,
  plugboardLoadingHandlers,
} from "@plugboard/mocks";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http, type RequestHandler } from "msw";
import { describe, expect, it, vi } from "vitest";
import { chooseAction, openActions } from "../test/choose-option";
import { renderWithPlugboard } from "../test/render";
import { server } from "../test/server";
import { findToast } from "../test/toasts";
import { webhookKeys } from "./query-keys";
import { WebhookManager } from "./webhook-manager";

// A public address literal, so the real SSRF guard passes it without DNS; msw plays the receiver.
const receiverUrl = "https://93.184.216.34/plugboard";

function receiver(status = 204, body: string | null = null) {
  const received: Request[] = [];
  return {
    received,
    handler: http.post(receiverUrl, ({ request }) => {
      received.push(request);
      return new HttpResponse(body, { status });
    }),
  };
}

async function manager() {
  const region = await screen.findByRole("region", { name: "Webhooks" });
  await waitFor(() => expect(region).not.toHaveAttribute("data-state", "loading"));
  return region;
}

type User = ReturnType<typeof userEvent.setup>;

/** An admin's manager over no endpoints; `handlers` (a receiver) go before the API's. */
function renderEmptyManager(...handlers: RequestHandler[]): User {
  const user = userEvent.setup();
  server.use(...handlers, ...plugboardHandlers({ fixtures: "empty" }));
  renderWithPlugboard(<WebhookManager />);
  return user;
}

async function openAddDialog(user: User) {
  await user.click(within(await manager()).getByRole("button", { name: "Add endpoint" }));
  return screen.findByRole("dialog", { name: "Add endpoint" });
}

async function createEndpoint(user: User, url = receiverUrl) {
  const dialog = await openAddDialog(user);
  await user.type(within(dialog).getByRole("textbox", { name: "Endpoint URL" }), url);
  await user.click(within(dialog).getByRole("button", { name: "Create endpoint" }));
  const secretDialog = await screen.findByRole("dialog", { name: "Signing secret" });
  const secret = (within(secretDialog).getByRole("textbox", { name: "Secret" }) as HTMLInputElement)
    .value;
  await user.click(within(secretDialog).getByRole("button", { name: "Done" }));
  await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  return { secret, item: await screen.findByRole("listitem", { name: url }) };
}

/** An admin's manager over the full fixtures, and its endpoint whose deliveries fail. */
async function renderFailingEndpoint() {
  const user = userEvent.setup();
  server.use(...plugboardHandlers());
  renderWithPlugboard(<WebhookManager />);
  const failing = fixtureWebhooks().endpoints.find((endpoint) => endpoint.id === "whe_failing");
  return { user, item: await screen.findByRole("listitem", { name: failing?.url }) };
}

/** Collects the bodies of the recover requests sent from now on. */
function recordRecoverBodies() {
  const bodies: { since: string }[] = [];
  server.events.on("request:start", async ({ request }) => {
    if (request.url.endsWith("/recover")) bodies.push(await request.clone().json());
  });
  return bodies;
}

/**
 * `count` more messages to the healthy endpoint, older than the fixtures' and a minute apart,
 * each with 4 attempts; the oldest is an `issue.deleted`, the others `issue.created`.
 */
async function seedOlderMessages(mock: MockPlugboard, count: number) {
  await mock.ready;
  const start = Date.now() - 24 * 3_600_000;
  for (let i = 0; i < count; i++) {
    const id = `msg_older${String(i).padStart(2, "0")}`;
    const type = i === count - 1 ? "issue.deleted" : "issue.created";
    const createdAt = start - i * 60_000;
    await mock.store.webhooks.insertMessage({
      id,
      organizationId: "org_acme",
      endpointId: "whe_healthy",
      eventId: `evt_older${i}`,
      eventType: type,
      body: JSON.stringify({ type, timestamp: new Date(createdAt).toISOString(), data: {} }),
      status: "succeeded",
      attemptCount: 4,
      nextAttemptAt: null,
      lastAttemptAt: createdAt + 3000,
      trigger: "scheduled",
      leaseOwner: null,
      leaseUntil: null,
      createdAt,
    });
    for (let n = 0; n < 4; n++) {
      await mock.store.webhooks.recordAttempt(
        {
          id: `att_older${i}_${n}`,
          organizationId: "org_acme",
          messageId: id,
          endpointId: "whe_healthy",
          status: n === 3 ? "succeeded" : "failed",
          trigger: "scheduled",
          responseStatus: n === 3 ? 200 : 503,
          responseBody: null,
          error: null,
          latencyMs: 10,
          nextRetryAt: null,
          createdAt: createdAt + n * 1000,
        },
        { status: "succeeded", nextAttemptAt: null },
        "tests", // holds no lease: the attempt is logged, the message left as it is
      );
    }
  }
}

describe("WebhookManager", () => {
  it("says so when the organization has no endpoints", async () => {
    server.use(...plugboardHandlers({ fixtures: "empty" }));
    renderWithPlugboard(<WebhookManager />);

    const region = await manager();
    expect(region).toHaveAttribute("data-state", "empty");
    expect(within(region).getByText("No webhook endpoints yet.")).toBeInTheDocument();
    expect(within(region).getByRole("button", { name: "Add endpoint" })).toBeEnabled();
  });

  it("shows field errors inline, its own and the server's, and stores nothing", async () => {
    const user = renderEmptyManager();
    const dialog = await openAddDialog(user);
    const url = within(dialog).getByRole("textbox", { name: "Endpoint URL" });
    await user.type(url, "not a url");
    await user.click(within(dialog).getByRole("radio", { name: "Selected events" }));
    await user.click(within(dialog).getByRole("button", { name: "Create endpoint" }));

    expect(url).toHaveAttribute("aria-invalid", "true");
    expect(url).toHaveAccessibleDescription(/Must be an http:\/\/ or https:\/\/ URL/);
    expect(url).toHaveFocus();
    expect(within(dialog).getByText("Pick at least one event")).toBeInTheDocument();

    // Valid for the schema, refused by the server's SSRF guard: the server's message, inline.
    await user.clear(url);
    await user.type(url, "https://10.0.0.8/hook");
    expect(url).not.toHaveAttribute("aria-invalid");
    expect(within(dialog).getByText("Pick at least one event")).toBeInTheDocument();
    await user.click(within(dialog).getByRole("checkbox", { name: /issue\.created/ }));
    expect(within(dialog).queryByText("Pick at least one event")).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "Create endpoint" }));
    await waitFor(() =>
      expect(url).toHaveAccessibleDescription(/resolves to a private or reserved address/),
    );
    expect(within(dialog).queryByText("Pick at least one event")).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(await manager()).toHaveAttribute("data-state", "empty");
  });

  it("picks events grouped by resource, a whole group at once", async () => {
    const user = renderEmptyManager();
    const dialog = await openAddDialog(user);
    await user.type(within(dialog).getByRole("textbox", { name: "Endpoint URL" }), receiverUrl);
    await user.click(within(dialog).getByRole("radio", { name: "Selected events" }));
    const cycles = within(dialog).getByRole("group", { name: "Cycles" });
    await user.click(within(cycles).getByRole("checkbox", { name: "Cycles" }));
    expect(within(cycles).getByRole("checkbox", { name: /cycle\.started/ })).toBeChecked();
    await user.click(within(cycles).getByRole("checkbox", { name: /cycle\.deleted/ }));
    expect(within(cycles).getByRole("checkbox", { name: "Cycles" })).toHaveAttribute(
      "aria-checked",
      "mixed",
    );
    await user.click(within(dialog).getByRole("button", { name: "Create endpoint" }));
    await user.click(await screen.findByRole("button", { name: "Done" }));

    const item = await screen.findByRole("listitem", { name: receiverUrl });
    expect(within(item).getByText("4 events")).toBeInTheDocument();
    // Its events as chips under their resource's name.
    const cycleChips = within(item).getByRole("list", { name: "Cycles" });
    expect(within(cycleChips).getByText("cycle.completed")).toBeInTheDocument();
    expect(within(item).queryByText("cycle.deleted")).not.toBeInTheDocument();
  });

  it("narrows the events to a search, by type, description or group, and says when none match", async () => {
    const user = renderEmptyManager();
    const dialog = await openAddDialog(user);
    await user.click(within(dialog).getByRole("radio", { name: "Selected events" }));
    const search = within(dialog).getByRole("searchbox", { name: "Search events" });

    await user.type(search, "cycle.del");
    expect(within(dialog).getByRole("group", { name: "Cycles" })).toBeInTheDocument();
    expect(within(dialog).queryByRole("group", { name: "Issues" })).not.toBeInTheDocument();
    expect(within(dialog).getByRole("checkbox", { name: /cycle\.deleted/ })).toBeInTheDocument();
    expect(
      within(dialog).queryByRole("checkbox", { name: /cycle\.started/ }),
    ).not.toBeInTheDocument();

    // A group's name shows all of its events.
    await user.clear(search);
    await user.type(search, "comments");
    const comments = within(dialog).getByRole("group", { name: "Comments" });
    expect(within(comments).getAllByRole("checkbox").length).toBeGreaterThan(2);
    expect(within(dialog).queryByRole("group", { name: "Cycles" })).not.toBeInTheDocument();

    await user.clear(search);
    await user.type(search, "nothing like this");
    expect(within(dialog).getByRole("status")).toHaveTextContent("No events match your search.");
  });

  it("reveals the signing secret once, with a copy button and a warning", async () => {
    const user = renderEmptyManager();

    const form = await openAddDialog(user);
    await user.type(within(form).getByRole("textbox", { name: "Endpoint URL" }), receiverUrl);
    await user.click(within(form).getByRole("button", { name: "Create endpoint" }));

    const dialog = await screen.findByRole("dialog", { name: "Signing secret" });
    expect(dialog).toHaveAccessibleDescription(/shown only once/);
    const secret = (within(dialog).getByRole("textbox", { name: "Secret" }) as HTMLInputElement)
      .value;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32,}$/);
    await user.click(within(dialog).getByRole("button", { name: "Copy" }));
    expect(await navigator.clipboard.readText()).toBe(secret);
    expect(within(dialog).getByRole("button", { name: "Copied" })).toBeInTheDocument();

    await user.click(within(dialog).getByRole("button", { name: "Done" }));
    const item = await screen.findByRole("listitem", { name: receiverUrl });
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    // Afterwards only the hint: the full secret is nowhere on the page.
    expect(document.body.innerHTML).not.toContain(secret);
    expect(within(item).getByText(`whsec_…${secret.slice(-4)}`)).toBeInTheDocument();
  });

  it("says when copying fails, and leaves the secret there to select by hand", async () => {
    const user = renderEmptyManager();
    // The browser refuses (no permission, or the page is not focused).
    vi.spyOn(navigator.clipboard, "writeText").mockRejectedValue(new DOMException("Denied"));

    const form = await openAddDialog(user);
    await user.type(within(form).getByRole("textbox", { name: "Endpoint URL" }), receiverUrl);
    await user.click(within(form).getByRole("button", { name: "Create endpoint" }));
    const dialog = await screen.findByRole("dialog", { name: "Signing secret" });
    await user.click(within(dialog).getByRole("button", { name: "Copy" }));

    expect(await within(dialog).findByRole("status")).toHaveTextContent(
      "Could not copy: select the secret and copy it by hand.",
    );
    expect(within(dialog).getByRole("button", { name: "Copy" })).toBeInTheDocument();
    expect(within(dialog).queryByRole("button", { name: "Copied" })).not.toBeInTheDocument();
    const input = within(dialog).getByRole("textbox", { name: "Secret" }) as HTMLInputElement;
    expect(input.value).toMatch(/^whsec_/);
    await user.click(input);
    expect(input).toHaveFocus();
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, input.value.length]);
    vi.restoreAllMocks();
  });

  it("edits an endpoint from its current values, sending only what changed", async () => {
    const patches: unknown[] = [];
    server.events.on("request:start", async ({ request }) => {
      if (request.method === "PATCH") patches.push(await request.clone().json());
    });
    const user = renderEmptyManager();
    const { item } = await createEndpoint(user);

    await chooseAction(user, within(item).getByRole("button", { name: /^Actions for / }), "Edit");
    const dialog = await screen.findByRole("dialog", { name: "Edit endpoint" });
    expect(within(dialog).getByRole("textbox", { name: "Endpoint URL" })).toHaveValue(receiverUrl);
    expect(within(dialog).getByRole("radio", { name: "All events" })).toBeChecked();
    await user.type(within(dialog).getByRole("textbox", { name: "Description" }), "Billing sync");
    await user.click(within(dialog).getByRole("radio", { name: "Selected events" }));
    await user.click(within(dialog).getByRole("checkbox", { name: /comment\.created/ }));
    await user.click(within(dialog).getByRole("button", { name: "Save changes" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(await within(item).findByText("Billing sync")).toBeInTheDocument();
    expect(within(item).getByText("1 event")).toBeInTheDocument();
    expect(within(item).getByText("comment.created")).toBeInTheDocument();
    expect(patches).toEqual([
      { description: "Billing sync", eventMode: "individual", events: ["comment.created"] },
    ]);
    server.events.removeAllListeners();
  });

  it("shows a chat channel's URL masked, and says that leaving it keeps the channel", async () => {
    const user = userEvent.setup();
    server.use(...plugboardHandlers());
    renderWithPlugboard(<WebhookManager />);
    const masked = "https://api.pumble.com/…ture";
    const item = await screen.findByRole("listitem", { name: masked });

    await chooseAction(user, within(item).getByRole("button", { name: /^Actions for / }), "Edit");
    const dialog = await screen.findByRole("dialog", { name: "Edit endpoint" });
    const url = within(dialog).getByRole("textbox", { name: "Endpoint URL" });
    expect(url).toHaveValue(masked);
    expect(url).toHaveAccessibleDescription(/Shown masked/);
    await user.type(url, "x");
    expect(url).toHaveAccessibleDescription("Where the HTTP POST requests go.");
  });

  it("works from the keyboard, and gives focus back when a dialog closes", async () => {
    const user = renderEmptyManager();
    const add = within(await manager()).getByRole("button", { name: "Add endpoint" });

    add.focus();
    await user.keyboard("{Enter}");
    const dialog = await screen.findByRole("dialog", { name: "Add endpoint" });
    expect(within(dialog).getByRole("textbox", { name: "Endpoint URL" })).toHaveFocus();
    await user.keyboard(receiverUrl);
    await user.keyboard("{Enter}");
    const secret = await screen.findByRole("dialog", { name: "Signing secret" });
    await user.keyboard("{Escape}");
    await waitFor(() => expect(secret).not.toBeInTheDocument());
    expect(add).toHaveFocus();

    const item = await screen.findByRole("listitem", { name: receiverUrl });
    const toggle = within(item).getByRole("switch");
    toggle.focus();
    await user.keyboard(" ");
    await waitFor(() => expect(toggle).not.toBeChecked());

    // Deleting the row takes its menu away: focus lands on "Add endpoint", not on the page.
    within(item)
      .getByRole("button", { name: /^Actions for / })
      .focus();
    await user.keyboard("{Enter}");
    await user.click(await screen.findByRole("menuitem", { name: "Delete" }));
    const confirm = await screen.findByRole("alertdialog", { name: "Delete this endpoint?" });
    await user.click(within(confirm).getByRole("button", { name: "Delete endpoint" }));
    await waitFor(() => expect(confirm).not.toBeInTheDocument());
    expect(add).toHaveFocus();
  });

  it("switches an endpoint off and on", async () => {
    const user = renderEmptyManager();
    const { item } = await createEndpoint(user);

    const toggle = within(item).getByRole("switch", { name: `Deliver to ${receiverUrl}` });
    expect(toggle).toBeChecked();
    await user.click(toggle);
    await waitFor(() => expect(item).toHaveAttribute("data-state", "disabled"));
    expect(toggle).not.toBeChecked();
    expect(within(item).getByText("Turned off")).toBeInTheDocument();
    // Nothing is delivered to a disabled endpoint, a test included: the button says so.
    const sendTest = within(item).getByRole("button", { name: "Send test" });
    expect(sendTest).toHaveAttribute("aria-disabled", "true");
    await user.hover(sendTest);
    expect(await screen.findByRole("tooltip")).toHaveTextContent("Switch the endpoint on");
    await user.unhover(sendTest);

    await user.click(toggle);
    await waitFor(() => expect(item).toHaveAttribute("data-state", "active"));
    expect(toggle).toBeChecked();
    expect(within(item).getByRole("button", { name: "Send test" })).not.toHaveAttribute(
      "aria-disabled",
    );
  });

  it("rotates the secret only after confirmation, and shows the new one once", async () => {
    const user = renderEmptyManager();
    const { item, secret } = await createEndpoint(user);

    await chooseAction(
      user,
      within(item).getByRole("button", { name: /^Actions for / }),
      "Rotate secret",
    );
    let confirm = await screen.findByRole("alertdialog", { name: "Rotate the signing secret?" });
    await user.click(within(confirm).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(within(item).getByText(`whsec_…${secret.slice(-4)}`)).toBeInTheDocument();

    await chooseAction(
      user,
      within(item).getByRole("button", { name: /^Actions for / }),
      "Rotate secret",
    );
    confirm = await screen.findByRole("alertdialog", { name: "Rotate the signing secret?" });
    expect(confirm).toHaveAccessibleDescription(/grace period/);
    const grace = within(confirm).getByRole("group", { name: "Old secret keeps signing" });
    expect(within(grace).getByRole("radio", { name: "For 24 hours" })).toBeChecked();
    await user.click(within(confirm).getByRole("button", { name: "Rotate secret" }));

    const dialog = await screen.findByRole("dialog", { name: "Signing secret" });
    const rotated = (within(dialog).getByRole("textbox", { name: "Secret" }) as HTMLInputElement)
      .value;
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await user.click(within(dialog).getByRole("button", { name: "Done" }));
    expect(await within(item).findByText(`whsec_…${rotated.slice(-4)}`)).toBeInTheDocument();
  });

  it("lets the admin pick how long the old secret keeps signing beside the new one", async () => {
    const target = receiver(204);
    const user = renderEmptyManager(target.handler);
    const { item } = await createEndpoint(user);
    const signatures = () =>
      target.received.at(-1)?.headers.get("webhook-signature")?.split(" ").length;

    async function rotate(choice: string) {
      await chooseAction(
        user,
        within(item).getByRole("button", { name: /^Actions for / }),
        "Rotate secret",
      );
      const confirm = await screen.findByRole("alertdialog", {
        name: "Rotate the signing secret?",
      });
      await user.click(within(confirm).getByRole("radio", { name: choice }));
      await user.click(within(confirm).getByRole("button", { name: "Rotate secret" }));
      const dialog = await screen.findByRole("dialog", { name: "Signing secret" });
      await user.click(within(dialog).getByRole("button", { name: "Done" }));
      await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    }
    async function sendTest() {
      const before = target.received.length;
      await user.click(within(item).getByRole("button", { name: "Send test" }));
      await waitFor(() => expect(target.received).toHaveLength(before + 1));
    }

    // A week of overlap: the receiver gets both signatures, old and new.
    await rotate("For 7 days");
    await sendTest();
    expect(signatures()).toBe(2);

    // Cut over now: only the new secret signs from here on.
    await rotate("Stop it now");
    await sendTest();
    expect(signatures()).toBe(1);
  });

  it("deletes an endpoint only after confirmation", async () => {
    const user = renderEmptyManager();
    const { item } = await createEndpoint(user);

    await chooseAction(user, within(item).getByRole("button", { name: /^Actions for / }), "Delete");
    let confirm = await screen.findByRole("alertdialog", { name: "Delete this endpoint?" });
    expect(confirm).toHaveTextContent(receiverUrl);
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(item).toBeInTheDocument();

    await chooseAction(user, within(item).getByRole("button", { name: /^Actions for / }), "Delete");
    confirm = await screen.findByRole("alertdialog", { name: "Delete this endpoint?" });
    await user.click(within(confirm).getByRole("button", { name: "Delete endpoint" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(await manager()).toHaveAttribute("data-state", "empty");
    expect(screen.queryByRole("listitem", { name: receiverUrl })).not.toBeInTheDocument();
  });

  it("sends a signed test event and says how the receiver answered", async () => {
    const target = receiver(204);
    const user = renderEmptyManager(target.handler);
    const { item } = await createEndpoint(user);

    await user.click(within(item).getByRole("button", { name: "Send test" }));
    expect(await findToast("Test event: Delivered (HTTP 204)")).toHaveAttribute(
      "data-tone",
      "success",
    );
    expect(target.received).toHaveLength(1);
    expect(target.received[0]?.headers.get("webhook-signature")).toMatch(/^v1,/);
    await waitFor(() =>
      expect(within(item).getByText("Last delivery: Delivered")).toBeInTheDocument(),
    );
  });

  it("lists messages with their attempts, and resends one", async () => {
    const target = receiver(503, "upstream is down");
    const user = renderEmptyManager(target.handler);
    const { item } = await createEndpoint(user);
    await user.click(within(item).getByRole("button", { name: "Send test" }));
    expect(await findToast("Test event: Failed (HTTP 503)")).toHaveAttribute("data-tone", "error");
    expect(item).toHaveAttribute("data-state", "failing");
    expect(within(item).getByText("The last attempt failed")).toBeInTheDocument();

    const logButton = within(item).getByRole("button", { name: "Delivery log" });
    await user.click(logButton);
    expect(logButton).toHaveAttribute("aria-expanded", "true");
    const log = await within(item).findByRole("region", { name: `Deliveries to ${receiverUrl}` });
    const message = await within(log).findByRole("listitem", { name: "webhook.test" });
    expect(message).toHaveAttribute("data-state", "failed");
    expect(within(message).getByText("Attempt 1")).toBeInTheDocument();
    expect(within(message).getByText("HTTP 503")).toBeInTheDocument();
    expect(within(message).getByText(/^\d+ ms$/)).toBeInTheDocument();
    expect(within(message).getByText("upstream is down")).toBeInTheDocument();

    await user.click(within(message).getByRole("button", { name: "Resend" }));
    expect(await findToast("Queued for delivery again.")).toBeVisible();
    await waitFor(() => expect(message).toHaveAttribute("data-state", "pending"));
  });

  it("follows pending deliveries on its own until they settle, the log and the row's health", async () => {
    const user = userEvent.setup();
    const mock = createMockPlugboard({ fixtures: "empty" });
    let status = 500;
    server.use(
      http.post(receiverUrl, () => new HttpResponse(null, { status })),
      ...mockPlugboardHandlers(mock),
    );
    const { queryClient } = renderWithPlugboard(<WebhookManager />, { pollInterval: 50 });
    const { item } = await createEndpoint(user);
    await mock.plugboard.events.publish({
      organizationId: "org_acme",
      type: "issue.created",
      data: { id: "iss_1" },
    });
    await mock.plugboard.dispatcher.runDue();

    await user.click(within(item).getByRole("button", { name: "Delivery log" }));
    const message = await within(item).findByRole("listitem", { name: "issue.created" });
    expect(message).toHaveAttribute("data-state", "pending");

    // The receiver recovers and the server's dispatcher delivers the resent message: no click,
    // no reload, and the log and the row's "Last delivery" both follow.
    status = 204;
    await user.click(within(message).getByRole("button", { name: "Resend" }));
    await mock.plugboard.dispatcher.runDue();
    await waitFor(() => expect(message).toHaveAttribute("data-state", "succeeded"));
    expect(await within(item).findByText("Last delivery: Delivered")).toBeInTheDocument();

    // Nothing pending: no next poll is scheduled.
    const [log] = queryClient
      .getQueryCache()
      .findAll({ queryKey: [...webhookKeys.all, "messages"] });
    const interval = log?.observers[0]?.options.refetchInterval;
    expect(typeof interval === "function" ? interval(log as never) : interval).toBe(false);
  });

  it("loads older messages a page at a time, each with all its attempts, busy meanwhile", async () => {
    const user = userEvent.setup();
    const mock = createMockPlugboard();
    // 2 fixture messages + 60 older ones: a first page of 50, then 12. Their 242 attempts are
    // more than one page of attempts holds.
    await seedOlderMessages(mock, 60);
    let release = () => {};
    const olderPageHeld = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.use(
      http.get("*/webhooks/endpoints/whe_healthy/messages", async ({ request }) => {
        if (new URL(request.url).searchParams.has("before")) await olderPageHeld;
        return mock.handler(request);
      }),
      ...mockPlugboardHandlers(mock),
    );
    renderWithPlugboard(<WebhookManager />);
    const healthy = fixtureWebhooks().endpoints[0]?.url ?? "";
    const item = await screen.findByRole("listitem", { name: healthy });
    await user.click(within(item).getByRole("button", { name: "Delivery log" }));
    const log = await within(item).findByRole("region", { name: `Deliveries to ${healthy}` });
    await waitFor(() => expect(log).toHaveAttribute("data-state", "ready"));
    expect(within(log).getAllByRole("listitem", { name: /\./ })).toHaveLength(50);
    expect(within(log).queryByRole("listitem", { name: "issue.deleted" })).not.toBeInTheDocument();

    const loadOlder = within(log).getByRole("button", { name: "Load older messages" });
    expect(loadOlder).not.toHaveAttribute("aria-busy");
    await user.click(loadOlder);
    await waitFor(() => expect(loadOlder).toHaveAttribute("aria-busy", "true"));
    expect(loadOlder).toHaveAttribute("aria-disabled", "true");
    expect(loadOlder).toHaveFocus();

    release();
    const oldest = await within(log).findByRole("listitem", { name: "issue.deleted" });
    expect(within(log).getAllByRole("listitem", { name: /\./ })).toHaveLength(62);
    // Its attempts are older than the first page of attempts reached: they were loaded too.
    await waitFor(() =>
      expect(
        within(oldest)
          .getAllByRole("listitem")
          .map((attempt) => within(attempt).getByText(/^Attempt/).textContent),
      ).toEqual(["Attempt 1", "Attempt 2", "Attempt 3", "Attempt 4"]),
    );
    // The last page: nothing older to load.
    expect(
      within(log).queryByRole("button", { name: "Load older messages" }),
    ).not.toBeInTheDocument();
    // ~300 list items queried by role: seconds alone, several times that on a loaded machine.
  }, 60_000);

  it("recovers an endpoint's failed messages of a period, and says how many", async () => {
    const bodies = recordRecoverBodies();
    const { user, item } = await renderFailingEndpoint();
    await user.click(within(item).getByRole("button", { name: "Delivery log" }));
    const gaveUp = await within(item).findByRole("listitem", { name: "issue.completed" });
    expect(gaveUp).toHaveAttribute("data-state", "failed");

    const trigger = within(item).getByRole("button", { name: "Recover failed messages" });
    await user.click(trigger);
    const dialog = await screen.findByRole("dialog", { name: "Recover failed messages" });
    const since = within(dialog).getByRole("group", { name: "Failed since" });
    expect(within(since).getByRole("radio", { name: "The last 24 hours" })).toBeChecked();

    // It failed three hours ago: the last hour holds nothing to recover.
    await user.click(within(since).getByRole("radio", { name: "The last hour" }));
    await user.click(within(dialog).getByRole("button", { name: "Recover messages" }));
    expect(await within(dialog).findByRole("status")).toHaveTextContent(
      "No failed messages in that period.",
    );
    expect(gaveUp).toHaveAttribute("data-state", "failed");

    await user.click(within(since).getByRole("radio", { name: "The last 7 days" }));
    await user.click(within(dialog).getByRole("button", { name: "Recover messages" }));
    await waitFor(() =>
      expect(within(dialog).getByRole("status")).toHaveTextContent(
        "1 message queued for delivery again.",
      ),
    );
    const sent = bodies.map((body) => Date.now() - Date.parse(body.since));
    expect(sent[0]).toBeGreaterThanOrEqual(3_600_000);
    expect(sent[0]).toBeLessThan(3_600_000 + 60_000);
    expect(sent[1]).toBeGreaterThanOrEqual(7 * 86_400_000);
    expect(sent[1]).toBeLessThan(7 * 86_400_000 + 60_000);

    await user.click(within(dialog).getByRole("button", { name: "Done" }));
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    expect(trigger).toHaveFocus();
    await waitFor(() => expect(gaveUp).toHaveAttribute("data-state", "pending"));
    server.events.removeAllListeners();
  });

  it("recovers since a date and time typed in, and asks for one when it is missing", async () => {
    const bodies = recordRecoverBodies();
    const { user, item } = await renderFailingEndpoint();
    await user.click(within(item).getByRole("button", { name: "Delivery log" }));
    await user.click(await within(item).findByRole("button", { name: "Recover failed messages" }));
    const dialog = await screen.findByRole("dialog", { name: "Recover failed messages" });

    await user.click(within(dialog).getByRole("radio", { name: "A date and time" }));
    await user.click(within(dialog).getByRole("button", { name: "Recover messages" }));
    const input = within(dialog).getByLabelText("Date and time");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveAccessibleDescription("Pick a date and time in the past.");
    expect(input).toHaveFocus();
    expect(bodies).toEqual([]);

    // Four hours ago, in the browser's local time, as the input shows it.
    const fourHoursAgo = new Date(Date.now() - 4 * 3_600_000);
    fourHoursAgo.setSeconds(0, 0);
    const pad = (value: number) => String(value).padStart(2, "0");
    const local = `${fourHoursAgo.getFullYear()}-${pad(fourHoursAgo.getMonth() + 1)}-${pad(fourHoursAgo.getDate())}T${pad(fourHoursAgo.getHours())}:${pad(fourHoursAgo.getMinutes())}`;
    // A preset needs no date: the field is there only for "A date and time".
    await user.click(within(dialog).getByRole("radio", { name: "The last hour" }));
    expect(within(dialog).queryByLabelText("Date and time")).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole("radio", { name: "A date and time" }));
    const again = within(dialog).getByLabelText("Date and time");
    fireEvent.change(again, { target: { value: local } });
    expect(again).not.toHaveAttribute("aria-invalid");
    await user.click(within(dialog).getByRole("button", { name: "Recover messages" }));

    expect(await within(dialog).findByText("1 message queued for delivery again.")).toBeVisible();
    expect(bodies).toEqual([{ since: fourHoursAgo.toISOString() }]);
    server.events.removeAllListeners();
  });

  it("is read-only for members, and says why", async () => {
    const user = userEvent.setup();
    server.use(...plugboardHandlers({ identity: fixtureIdentities.member }));
    renderWithPlugboard(<WebhookManager />);

    const region = await manager();
    expect(region).toHaveAttribute("data-readonly", "true");
    const add = within(region).getByRole("button", { name: "Add endpoint" });
    expect(add).toHaveAttribute("aria-disabled", "true");
    await user.click(add);
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();

    // Members see every endpoint and its health...
    const items = within(region).getAllByRole("listitem", { name: /^https:/ });
    expect(items).toHaveLength(fixtureWebhooks().endpoints.length);
    const item = items[0] as HTMLElement;
    expect(within(item).getByRole("button", { name: "Send test" })).toHaveAttribute(
      "aria-disabled",
      "true",
    );
    const menu = await openActions(
      user,
      within(item).getByRole("button", { name: /^Actions for / }),
    );
    for (const name of ["Edit", "Rotate secret", "Delete"]) {
      expect(within(menu).getByRole("menuitem", { name })).toHaveAttribute("aria-disabled", "true");
    }
    expect(menu).toHaveTextContent("Only admins can change webhooks.");
    await user.keyboard("{Escape}");
    expect(within(item).getByRole("switch")).toHaveAttribute("aria-disabled", "true");
    await user.click(within(item).getByRole("switch"));
    expect(within(item).getByRole("switch")).toBeChecked();

    // ...and its delivery log, but cannot resend, nor recover.
    await user.click(within(item).getByRole("button", { name: "Delivery log" }));
    const log = await within(item).findByRole("region", { name: /^Deliveries to / });
    const [message] = await within(log).findAllByRole("listitem", { name: /\./ });
    expect(within(message as HTMLElement).getByRole("button", { name: "Resend" })).toHaveAttribute(
      "aria-disabled",
      "true",
    );
    expect(
      within(log).queryByRole("button", { name: "Recover failed messages" }),
    ).not.toBeInTheDocument();

    add.focus();
    expect(await screen.findByRole("tooltip")).toHaveTextContent(
      "Only admins can change webhooks.",
    );
  });

  it("shows a retrying message's attempts with codes, errors and the next retry", async () => {
    const { user, item } = await renderFailingEndpoint();
    expect(item).toHaveAttribute("data-state", "failing");

    await user.click(within(item).getByRole("button", { name: "Delivery log" }));
    const message = await within(item).findByRole("listitem", { name: "issue.updated" });
    expect(message).toHaveAttribute("data-state", "pending");
    const attempts = within(message).getAllByRole("listitem");
    expect(attempts.map((attempt) => within(attempt).getByText(/^Attempt/).textContent)).toEqual([
      "Attempt 1",
      "Attempt 2",
      "Attempt 3",
    ]);
    expect(within(attempts[1] as HTMLElement).getByText("HTTP 503")).toBeInTheDocument();
    expect(within(attempts[2] as HTMLElement).getByText("timeout")).toBeInTheDocument();
    expect(within(message).getAllByText(/^Next retry /).length).toBeGreaterThan(0);
  });

  it("knows from the list what the caller may do, before any write is tried", async () => {
    const writes: string[] = [];
    server.events.on("request:start", ({ request }) => {
      if (request.method !== "GET") writes.push(`${request.method} ${request.url}`);
    });
    server.use(...plugboardHandlers({ fixtures: "empty", identity: fixtureIdentities.member }));
    renderWithPlugboard(<WebhookManager />);

    const region = await manager();
    expect(region).toHaveAttribute("data-readonly", "true");
    expect(within(region).getByText("Read-only")).toBeInTheDocument();
    expect(within(region).getByRole("button", { name: "Add endpoint" })).toHaveAttribute(
      "aria-disabled",
      "true",
    );
    // No invitation to add what a member cannot add.
    expect(within(region).queryByText(/Add an endpoint to start/)).not.toBeInTheDocument();
    expect(writes).toEqual([]);
    server.events.removeAllListeners();
  });

  it("gives admins every control, with no read-only marks", async () => {
    server.use(...plugboardHandlers({ identity: fixtureIdentities.admin }));
    renderWithPlugboard(<WebhookManager />);

    const region = await manager();
    expect(region).not.toHaveAttribute("data-readonly");
    expect(within(region).queryByText("Read-only")).not.toBeInTheDocument();
    const item = within(region).getAllByRole("listitem", { name: /^https:/ })[0] as HTMLElement;
    expect(within(item).getByRole("button", { name: "Send test" })).not.toHaveAttribute(
      "aria-disabled",
    );
    const menu = await openActions(
      userEvent.setup(),
      within(item).getByRole("button", { name: /^Actions for / }),
    );
    for (const name of ["Edit", "Rotate secret", "Delete"]) {
      expect(within(menu).getByRole("menuitem", { name })).not.toHaveAttribute("aria-disabled");
    }
  });

  it("marks itself busy while loading", async () => {
    server.use(...plugboardLoadingHandlers());
    renderWithPlugboard(<WebhookManager />);

    const region = screen.getByRole("region", { name: "Webhooks" });
    expect(region).toHaveAttribute("aria-busy", "true");
    expect(region).toHaveAttribute("data-state", "loading");
    expect(within(region).getByRole("status", { name: "Loading webhooks" })).toBeInTheDocument();
  });

  it("shows the server's error and recovers on retry", async () => {
    const user = userEvent.setup();
    server.use(...plugboardErrorHandlers("internal_error"));
    renderWithPlugboard(<WebhookManager />);

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Could not load webhooks");
    expect(alert).toHaveTextContent("Internal error");

    server.resetHandlers(...plugboardHandlers({ fixtures: "empty" }));
    await user.click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(async () => expect(await manager()).toHaveAttribute("data-state", "empty"));
  });

  it("puts host class names on the root and on parts", async () => {
    server.use(...plugboardHandlers({ fixtures: "empty" }));
    renderWithPlugboard(
      <WebhookManager className="host-webhooks" classNames={{ title: "host-title" }} />,
    );

    const region = await manager();
    expect(region).toHaveClass("pb-root", "pb-webhooks", "host-webhooks");
    expect(within(region).getByRole("heading", { name: "Webhooks" })).toHaveClass("host-title");
  });
});
