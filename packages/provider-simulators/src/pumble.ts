import { escapeHtml, htmlPage } from "./html";

/** One message a Pumble incoming webhook posted to the channel. */
export interface PumbleMessage {
  text: string;
  receivedAt: string;
}

export interface PumbleSimulationOptions {
  /** Where the incoming webhook is posted to, e.g. `https://simulated.pumble.com:4300`. */
  webhookBaseUrl: string;
  /** The channel the webhook posts into, as the page titles it. Default "releases". */
  channel?: string;
  /** The last part of the webhook URL, its only secret. Default a fixed demo token. */
  token?: string;
}

const webhookPath = "/workspaces/demo/incomingWebhooks/postMessage/";

/**
 * Pumble's incoming webhooks: `POST {webhookUrl}` with `{ "text": "…" }` posts a message into one
 * channel (200), an unknown token is 404 and a body without text 400, as Pumble answers. The
 * channel's messages are readable at `GET /simulator/pumble`, newest first.
 */
export function createPumbleSimulation({
  webhookBaseUrl,
  channel = "releases",
  token = "pb-demo-incoming-webhook",
}: PumbleSimulationOptions) {
  const messages: PumbleMessage[] = [];

  async function post(request: Request): Promise<Response> {
    let text: unknown;
    try {
      text = ((await request.json()) as { text?: unknown } | null)?.text;
    } catch {
      text = undefined;
    }
    if (typeof text !== "string" || text.trim() === "") {
      return Response.json({ error: "text is required" }, { status: 400 });
    }
    messages.unshift({ text, receivedAt: new Date().toISOString() });
    return Response.json({ ok: true });
  }

  function page(): Response {
    const items = messages
      .map(
        (message) =>
          `<li><p>${escapeHtml(message.text)
            .replace(/\*([^*]+)\*/g, "<strong>$1</strong>")
            .replace(
              /\n/g,
              "<br>",
            )}</p><p class="muted"><time datetime="${message.receivedAt}">${message.receivedAt}</time></p></li>`,
      )
      .join("");
    return htmlPage(
      `#${channel} · Pumble (simulated)`,
      `<h1>#${escapeHtml(channel)}</h1>
<p class="muted">Pumble, simulated: what Plugboard posts to this channel's incoming webhook. Reload to see new messages.</p>
${messages.length === 0 ? "<p>No messages yet.</p>" : `<ul aria-label="Messages">${items}</ul>`}`,
    );
  }

  return {
    /** The URL to paste into Plugboard's Pumble card. */
    webhookUrl: `${webhookBaseUrl}${webhookPath}${token}`,
    /** What the channel received, newest first. */
    messages,
    async handle(request: Request): Promise<Response> {
      const { pathname } = new URL(request.url);
      if (request.method === "POST" && pathname.startsWith(webhookPath)) {
        if (pathname.slice(webhookPath.length) !== token) {
          return Response.json({ error: "Incoming webhook not found" }, { status: 404 });
        }
        return post(request);
      }
      if (request.method === "GET" && pathname === "/simulator/pumble") return page();
      return new Response("Not found", { status: 404 });
    },
  };
}

export type PumbleSimulation = ReturnType<typeof createPumbleSimulation>;
