import type { Readable } from "node:stream";
import type { JiraAttachmentRef, JiraItem, JiraPerson, SourceRow } from "../source/item";
import { csvDate, csvDay } from "./zoned-time";

/**
 * Jira's "all fields" CSV export. Several columns repeat under one name (Labels, Comment,
 * Watchers, Sprint), so rows are read as arrays (`columns: false`) and headers grouped by name.
 * `Custom field (Customer )` keeps a trailing space inside the parentheses in real exports.
 */
export class ExportHeader {
  private readonly columns = new Map<string, number[]>();

  constructor(names: string[]) {
    names.forEach((raw, index) => {
      const name = normalizeHeader(raw);
      this.columns.set(name, [...(this.columns.get(name) ?? []), index]);
    });
  }

  all(row: string[], name: string): string[] {
    return (this.columns.get(name) ?? [])
      .map((index) => (row[index] ?? "").trim())
      .filter((value) => value !== "");
  }

  one(row: string[], name: string): string {
    return this.all(row, name)[0] ?? "";
  }

  /** `Custom field (X)` columns: name → column indexes. */
  customFields(): string[] {
    return [...this.columns.keys()]
      .map((name) => /^Custom field \((.+)\)$/.exec(name)?.[1])
      .filter((name): name is string => name !== undefined);
  }
}

function normalizeHeader(raw: string): string {
  const name = raw.replace(/^\uFEFF/, "").trim();
  const custom = /^Custom field \((.*)\)$/.exec(name);
  return custom ? `Custom field (${(custom[1] as string).trim()})` : name;
}

const doneWords = /\b(done|closed|resolved|won'?t do|complete[d]?|cancell?ed)\b/i;
const startedWords = /\b(progress|review|testing|doing|started)\b/i;

function category(statusCategory: string, status: string): JiraItem["status"]["category"] {
  const named = statusCategory.toLowerCase();
  if (named === "done") return "done";
  if (named === "in progress") return "indeterminate";
  if (named === "to do") return "new";
  if (doneWords.test(status)) return "done";
  if (startedWords.test(status)) return "indeterminate";
  return "new";
}

/** `date;accountId;body`: the body may hold `;` itself, so only the first two split. */
export function splitCommentCell(
  cell: string,
): { date: string; accountId: string; body: string } | null {
  const first = cell.indexOf(";");
  const second = first < 0 ? -1 : cell.indexOf(";", first + 1);
  if (second < 0) return null;
  return {
    date: cell.slice(0, first),
    accountId: cell.slice(first + 1, second),
    body: cell.slice(second + 1),
  };
}

export interface ReadExportOptions {
  timeZone: string;
}

/**
 * Streams the export's rows as items; a row that cannot be read becomes a `MalformedRow` with
 * its reason, and reading goes on. Names of people are learnt from Assignee/Reporter columns as
 * rows go by (comments name only the account id).
 */
export async function* readJiraExport(
  input: Readable | ReadableStream<Uint8Array>,
  options: ReadExportOptions,
): AsyncGenerator<SourceRow> {
  // Loaded here, not at the top: the whole kit also runs in browsers (Storybook's mock server),
  // where csv-parse's module body needs Node's Buffer.
  const [{ Readable: NodeReadable }, { parse }] = await Promise.all([
    import("node:stream"),
    import("csv-parse"),
  ]);
  const stream = input instanceof NodeReadable ? input : NodeReadable.fromWeb(input as never);
  const parser = stream.pipe(
    parse({ bom: true, columns: false, relax_column_count: true, skip_empty_lines: true }),
  );
  let header: ExportHeader | null = null;
  const names = new Map<string, string>();
  let line = 0;
  try {
    for await (const row of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = new ExportHeader(row);
        continue;
      }
      line += 1;
      yield readRow(header, row, line, names, options);
    }
  } finally {
    stream.destroy();
  }
}

function readRow(
  header: ExportHeader,
  row: string[],
  line: number,
  names: Map<string, string>,
  { timeZone }: ReadExportOptions,
): SourceRow {
  const key = header.one(row, "Issue key");
  const id = header.one(row, "Issue id");
  const where = key || `row ${line}`;
  if (!/^\d+$/.test(id) || !/^[A-Z][A-Z0-9_]*-\d+$/.test(key)) {
    return { malformed: true, item: where, reason: "No Issue id or Issue key" };
  }
  const created = csvDate(header.one(row, "Created"), timeZone);
  if (!created) {
    return {
      malformed: true,
      item: where,
      reason: `Created is not a date: "${header.one(row, "Created")}"`,
    };
  }
  const person = (nameColumn: string, idColumn: string): JiraPerson | null => {
    const accountId = header.one(row, idColumn);
    if (!accountId) return null;
    const name = header.one(row, nameColumn) || names.get(accountId) || accountId;
    names.set(accountId, name);
    return { accountId, name, email: null };
  };
  const assignee = person("Assignee", "Assignee Id");
  const reporter = person("Reporter", "Reporter Id");
  const comments = header.all(row, "Comment").flatMap((cell, index) => {
    const parts = splitCommentCell(cell);
    if (!parts) return [];
    return [
      {
        // Exports give comments no id: the issue and the comment's place stand in for one.
        id: `${id}-c${index + 1}`,
        author: parts.accountId
          ? {
              accountId: parts.accountId,
              name: names.get(parts.accountId) ?? parts.accountId,
              email: null,
            }
          : null,
        created: csvDate(parts.date, timeZone) ?? created,
        body: parts.body.trim(),
      },
    ];
  });
  const customFields: Record<string, string> = {};
  let storyPoints: number | null = null;
  for (const name of header.customFields()) {
    const value = header.all(row, `Custom field (${name})`).join(", ");
    if (!value) continue;
    if (/^story points?( estimate)?$/i.test(name)) storyPoints = Number(value) || null;
    else if (name !== "Epic Link") customFields[name] = value;
  }
  const parent = header.one(row, "Parent") || header.one(row, "Parent id");
  const status = header.one(row, "Status");
  return {
    id,
    key,
    summary: header.one(row, "Summary"),
    description: header.one(row, "Description"),
    type: header.one(row, "Issue Type") || "Task",
    status: {
      name: status || "Unknown",
      category: category(header.one(row, "Status Category"), status),
    },
    priority: header.one(row, "Priority") || null,
    labels: header.all(row, "Labels"),
    assignee,
    reporter,
    created,
    updated: csvDate(header.one(row, "Updated"), timeZone) ?? created,
    resolved: csvDate(header.one(row, "Resolved"), timeZone),
    due: csvDay(header.one(row, "Due date")),
    // `Parent` holds the parent's numeric id, not its key.
    parentId: /^\d+$/.test(parent) ? parent : null,
    parentKey: header.one(row, "Custom field (Epic Link)") || null,
    links: [],
    sprints: header.all(row, "Sprint").map((name) => ({ name, startsAt: null, endsAt: null })),
    components: header.all(row, "Component/s"),
    storyPoints,
    customFields,
    comments,
    attachments: header.all(row, "Attachment").flatMap((cell) => {
      const attachment = attachmentCell(cell);
      return attachment ? [attachment] : [];
    }),
  };
}

/**
 * An `Attachment` cell: `date;accountId;file name;URL`. The name may hold `;`, the URL does not.
 * Exports give no size (0 here: the size cap is checked while the file streams) and no type.
 */
function attachmentCell(cell: string): JiraAttachmentRef | null {
  const parts = cell.split(";");
  if (parts.length < 4) return null;
  const url = (parts.at(-1) ?? "").trim();
  const id = /\/attachment\/(?:content\/)?(\d+)/.exec(url)?.[1];
  if (!id || !/^https?:\/\//.test(url)) return null;
  return {
    id,
    fileName: parts.slice(2, -1).join(";").trim(),
    size: 0,
    mimeType: "application/octet-stream",
    url,
  };
}
