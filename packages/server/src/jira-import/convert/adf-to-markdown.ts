/**
 * Atlassian Document Format (Jira Cloud's descriptions and comments) to Markdown. Unknown nodes
 * keep their text, so nothing a person wrote is lost even when Atlassian adds a node type.
 */

interface AdfNode {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  content?: AdfNode[];
}

export interface AdfOptions {
  /** The name a mention shows (`@Ada Lovelace`); default the mention's own text. */
  mentionName?: (accountId: string, text: string | undefined) => string;
}

export function adfToMarkdown(document: unknown, options: AdfOptions = {}): string {
  if (!isNode(document)) return typeof document === "string" ? document : "";
  return blocks(document.content ?? [], options).trim();
}

function isNode(value: unknown): value is AdfNode {
  return typeof value === "object" && value !== null && typeof (value as AdfNode).type === "string";
}

function blocks(nodes: AdfNode[], options: AdfOptions): string {
  return nodes
    .map((node) => block(node, options))
    .filter((text) => text !== "")
    .join("\n\n");
}

function block(node: AdfNode, options: AdfOptions): string {
  const children = node.content ?? [];
  switch (node.type) {
    case "paragraph":
      return inline(children, options);
    case "heading": {
      const level = Math.min(Math.max(Number(node.attrs?.level ?? 1), 1), 6);
      return `${"#".repeat(level)} ${inline(children, options)}`;
    }
    case "bulletList":
    case "orderedList":
      return list(node, options, 0);
    case "codeBlock": {
      const language = typeof node.attrs?.language === "string" ? node.attrs.language : "";
      const code = children.map((child) => child.text ?? "").join("");
      const fence = code.includes("```") ? "````" : "```";
      return `${fence}${language}\n${code}\n${fence}`;
    }
    case "blockquote":
    case "panel":
      return blocks(children, options)
        .split("\n")
        .map((line) => `> ${line}`.trimEnd())
        .join("\n");
    case "rule":
      return "---";
    case "table":
      return table(node, options);
    case "mediaSingle":
    case "mediaGroup":
      return children
        .map((media) => `[attachment: ${String(media.attrs?.alt ?? media.attrs?.id ?? "file")}]`)
        .join("\n");
    default:
      return node.text !== undefined ? inline([node], options) : blocks(children, options);
  }
}

function list(node: AdfNode, options: AdfOptions, depth: number): string {
  const ordered = node.type === "orderedList";
  const start = Number(node.attrs?.order ?? 1);
  return (node.content ?? [])
    .map((item, index) => {
      const marker = ordered ? `${start + index}.` : "-";
      const indent = "  ".repeat(depth);
      const parts = (item.content ?? []).map((child) =>
        child.type === "bulletList" || child.type === "orderedList"
          ? list(child, options, depth + 1)
          : block(child, options).replace(/\n/g, `\n${indent}  `),
      );
      const [first = "", ...rest] = parts;
      return [`${indent}${marker} ${first}`, ...rest].join("\n");
    })
    .join("\n");
}

function table(node: AdfNode, options: AdfOptions): string {
  const rows = (node.content ?? []).map((row) =>
    (row.content ?? []).map((cell) =>
      blocks(cell.content ?? [], options)
        .replace(/\n+/g, " ")
        .replace(/\|/g, "\\|"),
    ),
  );
  const [head, ...body] = rows;
  if (!head) return "";
  const width = Math.max(...rows.map((row) => row.length));
  const pad = (row: string[]) => [...row, ...Array(width - row.length).fill("")];
  const line = (row: string[]) => `| ${pad(row).join(" | ")} |`;
  return [line(head), line(Array(width).fill("---")), ...body.map(line)].join("\n");
}

function inline(nodes: AdfNode[], options: AdfOptions): string {
  return nodes.map((node) => inlineNode(node, options)).join("");
}

function inlineNode(node: AdfNode, options: AdfOptions): string {
  switch (node.type) {
    case "text":
      return marked(node.text ?? "", node.marks ?? []);
    case "hardBreak":
      return "  \n";
    case "mention": {
      const id = String(node.attrs?.id ?? "");
      const text = typeof node.attrs?.text === "string" ? node.attrs.text : undefined;
      const name = options.mentionName?.(id, text) ?? text?.replace(/^@/, "") ?? id;
      return `@${name}`;
    }
    case "emoji":
      return String(node.attrs?.text ?? node.attrs?.shortName ?? "");
    case "inlineCard":
    case "blockCard": {
      const url = String(node.attrs?.url ?? "");
      return `<${url}>`;
    }
    case "date": {
      const ms = Number(node.attrs?.timestamp);
      return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : "";
    }
    case "status":
      return `[${String(node.attrs?.text ?? "")}]`;
    default:
      return node.text ?? inline(node.content ?? [], options);
  }
}

function marked(text: string, marks: NonNullable<AdfNode["marks"]>): string {
  // Code is literal: escaping inside backticks would show the backslashes.
  const code = marks.some((mark) => mark.type === "code");
  let out = code ? `\`${text}\`` : escapeText(text);
  for (const mark of marks) {
    if (mark.type === "strong") out = `**${out}**`;
    if (mark.type === "em") out = `_${out}_`;
    if (mark.type === "strike") out = `~~${out}~~`;
  }
  const link = marks.find((mark) => mark.type === "link");
  if (link) out = `[${out}](${String(link.attrs?.href ?? "")})`;
  return out;
}

/** Characters Markdown would read as formatting, when the author meant them as text. */
function escapeText(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, "\\$1");
}
