/**
 * The workspace side of the Slack simulation: channels, the messages an app posts and edits, the
 * modals it opens, unfurls, `response_url`s, and the signed requests Slack sends to the app
 * (commands, interactions, events). Written from Slack's documentation; the "know before you
 * build" facts are behaviours here: empty `conversations.list` pages that still carry a cursor,
 * single-use `trigger_id`s that live 3 seconds, `response_url`s that answer plain `ok` and take 5
 * posts in 30 minutes, `chat.unfurl` only for URLs of a `link_shared` event it sent.
 */

export interface SlackChannel {
  id: string;
  name: string;
  /** Whether the app's bot is a member: posting to a channel it is not in is `not_in_channel`. */
  member: boolean;
}

export interface SlackMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[];
  /** Set on a thread reply: the parent's ts. */
  threadTs: string | null;
  /** How many times chat.update changed it. */
  edits: number;
  /** For ephemeral and response_url messages: whom it is shown to. */
  ephemeralTo?: string;
  /** For a message posted to a user id: the user whose direct messages with the app hold it. */
  directTo?: string;
}

export interface SlackWorkspaceOptions {
  channels?: SlackChannel[];
  /** Channels per conversations.list page; default 2. */
  pageSize?: number;
  /** The signing secret Slack signs requests to the app with. */
  signingSecret?: string;
}

const triggerLifetimeMs = 3000;
const responseUrlLimit = 5;
const responseUrlWindowMs = 30 * 60 * 1000;

const encoder = new TextEncoder();

async function hmacHex(secret: string, text: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const signature = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(text)));
  return Array.from(signature, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export function createSlackWorkspace(
  base: string,
  now: () => number,
  options: SlackWorkspaceOptions = {},
  people: { teamId: string; userId: string } = { teamId: "T0PLUGBRD", userId: "U0ADASIM1" },
) {
  const signingSecret = options.signingSecret ?? "slack-test-signing-secret";
  const channels: SlackChannel[] = options.channels ?? [
    { id: "C0GENERAL", name: "general", member: true },
    { id: "C0RANDOM", name: "random", member: true },
    { id: "C0ENG", name: "eng", member: true },
    { id: "C0SECRET", name: "secret", member: false },
  ];
  const pageSize = options.pageSize ?? 2;
  const triggers = new Map<string, { expiresAt: number; used: boolean }>();
  const responseUrls = new Map<string, { userId: string; channel: string; posts: number[] }>();
  const unfurlable = new Set<string>();
  let sequence = 0;
  let tsCounter = 0;
  let rateLimited = 0;

  const closed = new Set<string>();
  let waitingUntil = 0;
  const workspace = {
    /** The channel page sent something: it reloads itself for a while to show the app's answer. */
    expectAnswer() {
      waitingUntil = now() + 10_000;
    },
    waiting: () => now() < waitingUntil,
    signingSecret,
    teamId: people.teamId,
    /** The person at the channel page. */
    userId: people.userId,
    /** The newest modal the app opened that is not submitted yet. */
    openView() {
      const open = workspace.views.filter((view) => !closed.has(view.triggerId)).at(-1);
      return open ?? null;
    },
    /** Submits (closes) a modal; null when it is not open. */
    closeView(triggerId: string) {
      const view = workspace.views.find((candidate) => candidate.triggerId === triggerId);
      if (!view || closed.has(triggerId)) return null;
      closed.add(triggerId);
      return view;
    },
    channels,
    /** Every message the app posted, newest last (edited in place by chat.update). */
    messages: [] as SlackMessage[],
    /** Modals opened through views.open. */
    views: [] as { triggerId: string; view: Record<string, unknown> }[],
    /** chat.unfurl calls accepted, with their unfurls by URL. */
    unfurls: [] as { channel: string; ts: string; unfurls: Record<string, unknown> }[],
    /** Every Web API call: method and body. */
    calls: [] as { method: string; body: Record<string, unknown> }[],
    /** The next `count` Web API calls answer 429 with `Retry-After: seconds`. */
    rateLimitNext(count: number, seconds = 1) {
      rateLimited = count;
      retryAfter = seconds;
    },
    /** A fresh trigger_id, as Slack puts in a command or interaction. */
    trigger(): string {
      const id = `${++sequence}.trigger.${Math.random().toString(36).slice(2, 10)}`;
      triggers.set(id, { expiresAt: now() + triggerLifetimeMs, used: false });
      return id;
    },
    /** A fresh response_url for a user in a channel. */
    responseUrl(userId: string, channel: string): string {
      const id = `R${++sequence}`;
      responseUrls.set(id, { userId, channel, posts: [] });
      return `${base}/response/${id}`;
    },
    /** Signs a body the way Slack signs requests to the app. */
    async sign(body: string, timestamp = Math.floor(now() / 1000)): Promise<Headers> {
      const headers = new Headers({
        "x-slack-request-timestamp": String(timestamp),
        "x-slack-signature": `v0=${await hmacHex(signingSecret, `v0:${timestamp}:${body}`)}`,
      });
      return headers;
    },
    /** A signed slash command request to the app's commands URL. */
    async command(
      url: string,
      fields: {
        command?: string;
        text: string;
        userId?: string;
        channelId?: string;
        teamId: string;
        /** Enterprise Grid: the org the workspace belongs to (`enterprise_id`). */
        enterpriseId?: string;
      },
    ): Promise<Request> {
      const userId = fields.userId ?? "U0ADASIM1";
      const channel = fields.channelId ?? "C0GENERAL";
      const body = new URLSearchParams({
        token: "deprecated-verification-token",
        team_id: fields.teamId,
        channel_id: channel,
        user_id: userId,
        user_name: userId.toLowerCase(),
        command: fields.command ?? "/plugboard",
        text: fields.text,
        response_url: workspace.responseUrl(userId, channel),
        trigger_id: workspace.trigger(),
        ...(fields.enterpriseId ? { enterprise_id: fields.enterpriseId } : {}),
      }).toString();
      return signed(url, body, "application/x-www-form-urlencoded");
    },
    /** A signed interaction (`payload=` JSON) to the app's interactivity URL. */
    async interaction(url: string, payload: Record<string, unknown>): Promise<Request> {
      const user = (payload.user as { id?: string } | undefined)?.id ?? "U0ADASIM1";
      const channel = (payload.channel as { id?: string } | undefined)?.id ?? "C0GENERAL";
      const full = {
        trigger_id: workspace.trigger(),
        // Slack sends a modal's submission without a response_url (and without a channel).
        ...(payload.type === "view_submission"
          ? {}
          : { response_url: workspace.responseUrl(user, channel) }),
        ...payload,
      };
      const body = new URLSearchParams({ payload: JSON.stringify(full) }).toString();
      return signed(url, body, "application/x-www-form-urlencoded");
    },
    /** A signed Events API callback; `link_shared` URLs become unfurlable. */
    async event(
      url: string,
      teamId: string,
      event: Record<string, unknown>,
      init: { eventId?: string; retryNum?: number } = {},
    ): Promise<Request> {
      if (event.type === "link_shared") {
        for (const link of (event.links as { url: string }[]) ?? []) unfurlable.add(link.url);
      }
      const body = JSON.stringify({
        token: "deprecated-verification-token",
        team_id: teamId,
        api_app_id: "A0PLUGBRD1",
        type: "event_callback",
        event_id: init.eventId ?? `Ev${++sequence}`,
        event_time: Math.floor(now() / 1000),
        event,
      });
      const request = await signed(url, body, "application/json");
      if (init.retryNum !== undefined) {
        request.headers.set("x-slack-retry-num", String(init.retryNum));
        request.headers.set("x-slack-retry-reason", "http_timeout");
      }
      return request;
    },
    /** The message the app posted at `ts` in `channel`. */
    message(channel: string, ts: string): SlackMessage | undefined {
      return workspace.messages.find((message) => message.channel === channel && message.ts === ts);
    },
    /** Serves the Web API methods; null for paths it does not know. */
    async handle(
      path: string,
      request: Request,
      token: string | null,
      tokenError: (token: string | null) => string | null,
    ): Promise<Response | null> {
      const responseId = /^\/response\/(R\d+)$/.exec(path)?.[1];
      if (responseId && request.method === "POST") return respondTo(responseId, request);
      const method = /^\/api\/([a-z]+\.[a-zA-Z.]+)$/.exec(path)?.[1];
      if (!method || !(method in methods)) return null;
      if (rateLimited > 0) {
        rateLimited -= 1;
        return Response.json(
          { ok: false, error: "ratelimited" },
          { status: 429, headers: { "retry-after": String(retryAfter) } },
        );
      }
      const refused = tokenError(token);
      if (refused) return fail(refused);
      const body = await readArgs(request);
      workspace.calls.push({ method, body });
      return methods[method as keyof typeof methods](body);
    },
  };
  let retryAfter = 1;

  async function signed(url: string, body: string, contentType: string): Promise<Request> {
    const headers = await workspace.sign(body);
    headers.set("content-type", contentType);
    return new Request(url, { method: "POST", headers, body });
  }

  function nextTs(): string {
    tsCounter += 1;
    return `${Math.floor(now() / 1000)}.${String(tsCounter).padStart(6, "0")}`;
  }

  function channelError(id: unknown): string | null {
    const channel = channels.find((candidate) => candidate.id === id);
    if (!channel) return "channel_not_found";
    if (!channel.member) return "not_in_channel";
    return null;
  }

  const methods = {
    "conversations.list"(args: Record<string, unknown>) {
      // Slack filters after paging: a page can come back empty with a cursor to the next one.
      const cursor = Number(args.cursor ?? 0) || 0;
      // `limit` is a maximum: Slack may answer fewer (here, at most `pageSize`).
      const limit = Math.min(Number(args.limit ?? pageSize) || pageSize, pageSize);
      if (cursor % 2 === 1) {
        return ok({ channels: [], response_metadata: { next_cursor: String(cursor + 1) } });
      }
      const start = (cursor / 2) * limit;
      const page = channels.slice(start, start + limit);
      const more = start + limit < channels.length;
      return ok({
        channels: page.map(({ id, name, member }) => ({ id, name, is_member: member })),
        // Empty pages sit between full ones: an odd cursor answers none and points on.
        response_metadata: { next_cursor: more ? String(cursor + 1) : "" },
      });
    },
    "chat.postMessage"(args: Record<string, unknown>) {
      // A user id as the channel: Slack posts in that user's direct messages with the app.
      if (typeof args.channel === "string" && /^[UW][A-Z0-9]+$/.test(args.channel)) {
        const message: SlackMessage = {
          channel: `D${args.channel.slice(1)}`,
          ts: nextTs(),
          text: String(args.text ?? ""),
          blocks: Array.isArray(args.blocks) ? args.blocks : [],
          threadTs: null,
          edits: 0,
          directTo: args.channel,
        };
        workspace.messages.push(message);
        return ok({ channel: message.channel, ts: message.ts });
      }
      const refused = channelError(args.channel);
      if (refused) return fail(refused);
      const threadTs = typeof args.thread_ts === "string" ? args.thread_ts : null;
      if (threadTs && !workspace.message(String(args.channel), threadTs)) {
        return fail("thread_not_found");
      }
      const message: SlackMessage = {
        channel: String(args.channel),
        ts: nextTs(),
        text: String(args.text ?? ""),
        blocks: Array.isArray(args.blocks) ? args.blocks : [],
        threadTs,
        edits: 0,
      };
      workspace.messages.push(message);
      return ok({ channel: message.channel, ts: message.ts });
    },
    "chat.update"(args: Record<string, unknown>) {
      const message = workspace.message(String(args.channel), String(args.ts));
      if (!message) return fail("message_not_found");
      message.text = String(args.text ?? message.text);
      if (Array.isArray(args.blocks)) message.blocks = args.blocks;
      message.edits += 1;
      return ok({ channel: message.channel, ts: message.ts });
    },
    "chat.postEphemeral"(args: Record<string, unknown>) {
      const refused = channelError(args.channel);
      if (refused) return fail(refused);
      workspace.messages.push({
        channel: String(args.channel),
        ts: nextTs(),
        text: String(args.text ?? ""),
        blocks: Array.isArray(args.blocks) ? args.blocks : [],
        threadTs: null,
        edits: 0,
        ephemeralTo: String(args.user),
      });
      return ok({ message_ts: nextTs() });
    },
    "views.open"(args: Record<string, unknown>) {
      const triggerId = String(args.trigger_id ?? "");
      const trigger = triggers.get(triggerId);
      if (!trigger) return fail("invalid_trigger_id");
      if (trigger.used) return fail("exchanged_trigger_id");
      if (trigger.expiresAt < now()) return fail("expired_trigger_id");
      trigger.used = true;
      const view = (args.view ?? {}) as Record<string, unknown>;
      workspace.views.push({ triggerId, view });
      return ok({ view: { id: `V${++sequence}`, ...view } });
    },
    "chat.unfurl"(args: Record<string, unknown>) {
      const unfurls = (args.unfurls ?? {}) as Record<string, unknown>;
      if (Object.keys(unfurls).some((url) => !unfurlable.has(url))) {
        return fail("cannot_unfurl_url");
      }
      workspace.unfurls.push({
        channel: String(args.channel ?? ""),
        ts: String(args.ts ?? ""),
        unfurls,
      });
      return ok({});
    },
  };

  async function respondTo(id: string, request: Request): Promise<Response> {
    const target = responseUrls.get(id);
    if (!target) return new Response("expired_url", { status: 404 });
    const at = now();
    target.posts = target.posts.filter((time) => at - time < responseUrlWindowMs);
    if (target.posts.length >= responseUrlLimit) {
      return new Response("used_url", { status: 404 });
    }
    target.posts.push(at);
    const body = (await request.json()) as Record<string, unknown>;
    workspace.messages.push({
      channel: target.channel,
      ts: nextTs(),
      text: String(body.text ?? ""),
      blocks: Array.isArray(body.blocks) ? body.blocks : [],
      threadTs: null,
      edits: 0,
      ...(body.response_type === "in_channel" ? {} : { ephemeralTo: target.userId }),
    });
    // response_url answers plain text, not the Web API's JSON.
    return new Response("ok", { headers: { "content-type": "text/plain" } });
  }

  return workspace;
}

const ok = (body: Record<string, unknown>) => Response.json({ ok: true, ...body });
const fail = (error: string) => Response.json({ ok: false, error });

/** Web API arguments: JSON, or form fields (with JSON in `blocks`/`view`/`unfurls`), or the query. */
async function readArgs(request: Request): Promise<Record<string, unknown>> {
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/json")) return (await request.json()) as Record<string, unknown>;
  const fields = type.includes("application/x-www-form-urlencoded")
    ? new URLSearchParams(await request.text())
    : new URL(request.url).searchParams;
  const args: Record<string, unknown> = {};
  for (const [name, value] of fields) {
    args[name] = ["blocks", "view", "unfurls", "attachments"].includes(name)
      ? JSON.parse(value)
      : value;
  }
  return args;
}

export type SlackWorkspace = ReturnType<typeof createSlackWorkspace>;
