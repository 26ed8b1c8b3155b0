import { createId, type HostAttachment } from "@plugboard/core";
import type { HostCall, UploadAttachmentInput } from "@plugboard/server";
import type { TrackerContext } from "../context";
import { loadIssue } from "../rows";
import { invalidField } from "../validate";

/** The demo keeps files in SQLite; a real tracker would stream them to object storage. */
const maxBytes = 25 * 1024 * 1024;

/**
 * Stores a file on an issue. The same external id on the same issue returns the file already
 * there (a resumed or re-run import); the stream is read up to the size it announced.
 */
export async function uploadAttachment(
  context: TrackerContext,
  call: HostCall,
  input: UploadAttachmentInput,
): Promise<HostAttachment> {
  const issue = loadIssue(context, call.organizationId, input.issueId);
  const existing = context.db
    .prepare<[string, string], { id: string; file_name: string; size: number }>(
      "SELECT id, file_name, size FROM attachments WHERE issue_id = ? AND external_id = ?",
    )
    .get(issue.id, input.externalId);
  if (existing) {
    await input.content.cancel();
    return {
      id: existing.id,
      issueId: issue.id,
      fileName: existing.file_name,
      size: existing.size,
    };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of input.content) {
    size += chunk.byteLength;
    if (size > maxBytes) throw invalidField("content", `Files over ${maxBytes} bytes are refused`);
    chunks.push(chunk);
  }
  const id = createId("att");
  context.db
    .prepare(
      `INSERT INTO attachments (id, issue_id, external_id, file_name, content_type, size, content)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      issue.id,
      input.externalId,
      input.fileName,
      input.contentType,
      size,
      Buffer.concat(chunks),
    );
  return { id, issueId: issue.id, fileName: input.fileName, size };
}
