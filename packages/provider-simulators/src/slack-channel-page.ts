import { escapeHtml, htmlPage, seeOther } from "./html";
import type { SlackMessage, SlackWorkspace } from "./slack-workspace";

interface Block {
  type?: string;
  text?: { text?: string };
  fields?: { text?: string }[];
  elements?: Element[];
}
interface Element {
  type?: string;
  action_id?: string;
  value?: string;
  url?: string;
  text?: { text?: string };
  options?: { text?: { text?: string }; value?: string }[];
  initial_option?: { value?: string };
}
interface ViewBlock {
  block_id?: string;
  label?: { text?: string };
  optional?: boolean;
  element?: Element & { multiline?: boolean; initial_value?: string };
}

/** Slack's mrkdwn links (`<url|label>`) as HTML links; everything else as text. */
function mrkdwn(text: string): string {
  return escapeHtml(text)
    .replace(/&lt;(https?:[^|&]+)\|([^&]*)&gt;/g, '<a href="$1">$2</a>')
    .replace(/\*([^*]+)\*/g, "<strong>$1</strong>")
    .replace(/\n/g, "<br>");
}

function renderMessage(channel: string, message: SlackMessage, user: string): string {
  const blocks = message.blocks as Block[];
  const body =
    blocks.length === 0
      ? `<p>${mrkdwn(message.text)}</p>`
      : blocks.map((block) => renderBlock(channel, message, block, user)).join("");
  const label = message.ephemeralTo
    ? "Only visible to you"
    : message.threadTs
      ? "Thread reply"
      : "Message";
  return `<li data-ts="${escapeHtml(message.ts)}" aria-label="${label}${message.edits > 0 ? " (edited)" : ""}">${body}${
    message.edits > 0 ? '<p class="muted">(edited)</p>' : ""
  }</li>`;
}

function renderBlock(channel: string, message: SlackMessage, block: Block, user: string): string {
  if (block.type === "section") {
    const fields = (block.fields ?? [])
      .map((field) => `<span>${mrkdwn(field.text ?? "")}</span>`)
      .join(" · ");
    const accessory = (block as { accessory?: Element }).accessory;
    const link =
      accessory?.url !== undefined
        ? `<p><a class="button" href="${escapeHtml(accessory.url)}">${escapeHtml(accessory.text?.text ?? "Open")}</a></p>`
        : "";
    return `<p>${mrkdwn(block.text?.text ?? "")}</p>${fields ? `<p class="muted">${fields}</p>` : ""}${link}`;
  }
  if (block.type !== "actions") return "";
  const hidden = `<input type="hidden" name="ts" value="${escapeHtml(message.ts)}"><input type="hidden" name="user" value="${escapeHtml(user)}">`;
  const action = `/simulator/channels/${encodeURIComponent(channel)}/action`;
  return `<div class="row">${(block.elements ?? [])
    .map((element) => {
      const id = escapeHtml(element.action_id ?? "");
      if (element.type === "static_select") {
        const options = (element.options ?? [])
          .map(
            (option) =>
              `<option value="${escapeHtml(option.value ?? "")}"${option.value === element.initial_option?.value ? " selected" : ""}>${escapeHtml(option.text?.text ?? "")}</option>`,
          )
          .join("");
        const name = id.replace("plugboard.", "");
        return `<form method="post" action="${action}" class="row">${hidden}<input type="hidden" name="action_id" value="${id}"><label>${escapeHtml(name)} <select name="selected" aria-label="${escapeHtml(name)}">${options}</select></label><button>Set ${escapeHtml(name)}</button></form>`;
      }
      return `<form method="post" action="${action}">${hidden}<input type="hidden" name="action_id" value="${id}"><input type="hidden" name="value" value="${escapeHtml(element.value ?? "")}"><button>${escapeHtml(element.text?.text ?? id)}</button></form>`;
    })
    .join("")}</div>`;
}

function renderModal(triggerId: string, view: Record<string, unknown>, user: string): string {
  const blocks = (view.blocks ?? []) as ViewBlock[];
  const inputs = blocks
    .map((block) => {
      const name = escapeHtml(block.block_id ?? "");
      const label = escapeHtml(block.label?.text ?? name);
      const element = block.element ?? {};
      const required = block.optional ? "" : " required";
      if (element.type === "static_select") {
        const options = (element.options ?? [])
          .map(
            (option) =>
              `<option value="${escapeHtml(option.value ?? "")}"${option.value === element.initial_option?.value ? " selected" : ""}>${escapeHtml(option.text?.text ?? "")}</option>`,
          )
          .join("");
        return `<label>${label}<select name="${name}"${required}><option value=""></option>${options}</select></label>`;
      }
      if (element.type === "users_select") return "";
      const value = escapeHtml(element.initial_value ?? "");
      return element.multiline
        ? `<label>${label}<textarea name="${name}"${required}>${value}</textarea></label>`
        : `<label>${label}<input name="${name}" value="${value}"${required}></label>`;
    })
    .join("");
  const title = escapeHtml((view.title as { text?: string } | undefined)?.text ?? "Modal");
  const submit = escapeHtml((view.submit as { text?: string } | undefined)?.text ?? "Submit");
  return `<section role="dialog" aria-label="${title}"><h2>${title}</h2><form method="post" action="/simulator/views/${encodeURIComponent(triggerId)}/submit"><input type="hidden" name="user" value="${escapeHtml(user)}">${inputs}<button>${submit}</button></form></section>`;
}

/**
 * A small Slack channel for people and browser tests: type `/plugboard create …` to send a signed
 * command to the app, press buttons on the app's messages (signed interactions), fill in the modal
 * the app opened; messages the app edits change in place. Without script: for a few seconds after
 * it sent something (and no modal is open) the page reloads itself every second to show the answer.
 */
export function channelPage(
  workspace: SlackWorkspace,
  appUrl: () => string | null,
  request: Request,
  path: string,
): Promise<Response> | Response | null {
  const channelMatch = /^\/simulator\/channels\/([A-Z0-9]+)(\/command|\/action)?$/.exec(path);
  const viewMatch = /^\/simulator\/views\/([^/]+)\/submit$/.exec(path);
  if (!channelMatch && !viewMatch) return null;
  const app = appUrl();
  if (!app) return htmlPage("Slack", "<p>No app is connected to this workspace yet.</p>", 503);
  const user = workspace.userId;
  if (channelMatch && request.method === "GET" && !channelMatch[2]) {
    const channel = channelMatch[1] as string;
    const messages = workspace.messages.filter(
      (message) =>
        message.channel === channel && (!message.ephemeralTo || message.ephemeralTo === user),
    );
    const open = workspace.openView();
    const name = workspace.channels.find((candidate) => candidate.id === channel)?.name ?? channel;
    return htmlPage(
      `#${name}`,
      `${!open && workspace.waiting() ? '<meta http-equiv="refresh" content="1">' : ""}<h1>#${escapeHtml(name)}</h1>
<ul aria-label="Messages">${messages.map((message) => renderMessage(channel, message, user)).join("")}</ul>
${open ? renderModal(open.triggerId, open.view, user) : ""}
<form method="post" action="/simulator/channels/${channel}/command" class="row"><input type="hidden" name="user" value="${escapeHtml(user)}"><label>Message <input name="text" aria-label="Message" placeholder="/plugboard create …" required></label><button>Send</button></form>`,
    );
  }
  if (request.method !== "POST") return null;
  return (async () => {
    const form = new URLSearchParams(await request.text());
    workspace.expectAnswer();
    if (channelMatch?.[2] === "/command") {
      const channel = channelMatch[1] as string;
      const [command = "", ...rest] = (form.get("text") ?? "").trim().split(/\s+/);
      if (command.startsWith("/")) {
        await fetch(
          await workspace.command(`${app}/providers/slack/commands`, {
            command,
            text: rest.join(" "),
            userId: user,
            channelId: channel,
            teamId: workspace.teamId,
          }),
        );
      }
      return seeOther(`/simulator/channels/${channel}`);
    }
    if (channelMatch?.[2] === "/action") {
      const channel = channelMatch[1] as string;
      const selected = form.get("selected");
      await fetch(
        await workspace.interaction(`${app}/providers/slack/interactions`, {
          type: "block_actions",
          team: { id: workspace.teamId },
          user: { id: user },
          channel: { id: channel },
          message: { ts: form.get("ts") ?? "" },
          actions: [
            {
              action_id: form.get("action_id") ?? "",
              ...(selected
                ? { selected_option: { value: selected } }
                : { value: form.get("value") ?? "" }),
            },
          ],
        }),
      );
      return seeOther(`/simulator/channels/${channel}`);
    }
    const triggerId = decodeURIComponent(viewMatch?.[1] ?? "");
    const open = workspace.closeView(triggerId);
    if (!open) return htmlPage("Slack", "<p>This modal is closed.</p>", 404);
    const values: Record<string, Record<string, unknown>> = {};
    for (const block of (open.view.blocks ?? []) as ViewBlock[]) {
      const id = block.block_id ?? "";
      const value = form.get(id);
      values[id] = {
        value:
          block.element?.type === "static_select"
            ? { type: "static_select", selected_option: value ? { value } : null }
            : { type: block.element?.type, value: value ?? null },
      };
    }
    await fetch(
      await workspace.interaction(`${app}/providers/slack/interactions`, {
        type: "view_submission",
        team: { id: workspace.teamId },
        user: { id: user },
        view: {
          callback_id: open.view.callback_id,
          private_metadata: open.view.private_metadata,
          state: { values },
        },
      }),
    );
    const channel = (
      JSON.parse(String(open.view.private_metadata ?? "{}")) as { channelId?: string }
    ).channelId;
    return seeOther(`/simulator/channels/${channel ?? "C0GENERAL"}`);
  })();
}
