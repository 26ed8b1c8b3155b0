import type { Keyring } from "../../crypto/keyring";
import type { JiraImportStore, JiraSourceRecord } from "../store/types";
import { type JiraHttpOptions, jiraCloudClient } from "./cloud-client";
import { cloudItem, discoverFields, searchFields } from "./cloud-items";
import type { JiraItem, SourceRow } from "./item";

/** A position in a source: Cloud's page token, or the CSV row index. */
export interface SourceCursor {
  pageToken: string | null;
  row: number;
}

export interface SourcePage {
  rows: SourceRow[];
  /** Where the next page starts; null after the last. */
  next: SourceCursor | null;
}

export interface SourceReader {
  /** Issues in scope (Cloud: Jira's approximate count). */
  count(): Promise<number>;
  /** Pages from `from`: a crashed import asks again from its checkpoint. */
  pages(from: SourceCursor): AsyncGenerator<SourcePage>;
  /** The attachment's bytes, streamed (a CSV export's through a Cloud source of its site). */
  content(url: string): Promise<ReadableStream<Uint8Array>>;
  siteUrl: string | null;
}

export const tokenContext = (sourceId: string) => `jira-import.source:${sourceId}`;

const csvBatch = 100;

export async function openSource(
  source: JiraSourceRecord,
  scope: { projectKey: string; jql: string | null },
  deps: { store: JiraImportStore; keyring: Keyring; http: JiraHttpOptions },
): Promise<SourceReader> {
  if (source.kind === "csv") {
    return csvReader(source, scope.projectKey, deps.store, (url) =>
      exportContent(url, source, deps),
    );
  }
  const client = await cloudClientOf(source, deps);
  const jql = `project = "${scope.projectKey}"${scope.jql ? ` AND (${scope.jql})` : ""} ORDER BY created ASC`;
  let fields: Awaited<ReturnType<typeof discoverFields>> | null = null;
  return {
    siteUrl: source.siteUrl,
    count: () => client.count(jql),
    content: (url) => client.content(url),
    async *pages(from) {
      fields ??= await discoverFields(client);
      let token = from.pageToken;
      for (;;) {
        const page = await client.search(jql, searchFields(fields), token);
        const rows: JiraItem[] = [];
        for (const issue of page.issues) rows.push(await cloudItem(issue, fields, client));
        yield { rows, next: page.nextPageToken ? { pageToken: page.nextPageToken, row: 0 } : null };
        if (!page.nextPageToken) return;
        token = page.nextPageToken;
      }
    },
  };
}

async function cloudClientOf(
  source: JiraSourceRecord,
  deps: { keyring: Keyring; http: JiraHttpOptions },
) {
  const apiToken = await deps.keyring.decrypt(
    source.tokenCiphertext ?? "",
    tokenContext(source.id),
  );
  return jiraCloudClient(
    { siteUrl: source.siteUrl ?? "", email: source.email ?? "", apiToken },
    deps.http,
  );
}

/**
 * An export's attachment links need the site's login: they are fetched with the API token of a
 * Cloud source of the same organization for that site, when one is connected.
 */
async function exportContent(
  url: string,
  source: JiraSourceRecord,
  deps: { store: JiraImportStore; keyring: Keyring; http: JiraHttpOptions },
) {
  const origin = new URL(url).origin;
  const site = (await deps.store.listSources(source.organizationId)).find(
    (candidate) =>
      candidate.kind === "cloud" &&
      candidate.siteUrl &&
      new URL(candidate.siteUrl).origin === origin,
  );
  if (!site) {
    throw new AttachmentUnavailable(
      `Connect ${origin} as a Jira Cloud source to bring the export's attachments`,
    );
  }
  return (await cloudClientOf(site, deps)).content(url);
}

/** An attachment that cannot be fetched: skipped with this reason, the import goes on. */
export class AttachmentUnavailable extends Error {}

/** CSV rows were read and stored at upload; a run pages through them by index. */
function csvReader(
  source: JiraSourceRecord,
  projectKey: string,
  store: JiraImportStore,
  content: (url: string) => Promise<ReadableStream<Uint8Array>>,
): SourceReader {
  const inProject = (row: SourceRow) => "malformed" in row || row.key.startsWith(`${projectKey}-`);
  return {
    siteUrl: null,
    // Every row of the export, other projects' too: a total for the progress bar, not a promise.
    count: async () => source.rowCount ?? 0,
    content,
    async *pages(from) {
      let row = from.row;
      for (;;) {
        const batch = await store.readRows(source.id, row, csvBatch);
        if (batch.length === 0) return;
        row = (batch.at(-1)?.index ?? row) + 1;
        const rows = batch.map((stored) => JSON.parse(stored.data) as SourceRow).filter(inProject);
        yield { rows, next: batch.length < csvBatch ? null : { pageToken: null, row } };
        if (batch.length < csvBatch) return;
      }
    },
  };
}
