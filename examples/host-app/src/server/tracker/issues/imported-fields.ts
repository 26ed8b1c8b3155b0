import { z } from "zod";
import type { TrackerContext } from "../context";
import { parseInput } from "../validate";
import { checkAssignee } from "./references";

/**
 * What an importer sets beside the tracker's own fields (see the host port's CreateIssueInput):
 * kept in columns of their own, never taken from the tracker's public API.
 */
export const importedFieldsSchema = z.object({
  externalId: z.string().min(1).max(200).optional(),
  externalUrl: z.url().max(2_000).optional(),
  labels: z.array(z.string().max(200)).max(100).optional(),
  reporterId: z.string().nullable().optional(),
  parentId: z.string().nullable().optional(),
  cycleId: z.string().nullable().optional(),
  estimate: z.number().nullable().optional(),
  createdAt: z.iso.datetime({ offset: true }).optional(),
  completedAt: z.iso.datetime({ offset: true }).nullable().optional(),
});
export type ImportedFields = z.infer<typeof importedFieldsSchema>;

const columns = {
  externalId: "external_id",
  externalUrl: "external_url",
  labels: "labels",
  reporterId: "reporter_id",
  parentId: "parent_id",
  cycleId: "cycle_id",
  estimate: "estimate",
  createdAt: "created_at",
  completedAt: "completed_at",
} as const satisfies Record<keyof ImportedFields, string>;

/** Splits a port input into the tracker's fields and the imported ones (parsed). */
export function splitImported(input: object): [Record<string, unknown>, ImportedFields] {
  const own: Record<string, unknown> = {};
  const imported: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (key in columns) imported[key] = value;
    else own[key] = value;
  }
  return [own, parseInput(importedFieldsSchema, imported)];
}

/** Writes the imported fields present (inside the caller's transaction). */
export function writeImportedFields(
  context: TrackerContext,
  organizationId: string,
  issueId: string,
  fields: ImportedFields,
) {
  if (fields.reporterId) checkAssignee(context, organizationId, fields.reporterId);
  const present = (Object.keys(columns) as (keyof ImportedFields)[]).filter(
    (key) => fields[key] !== undefined,
  );
  if (present.length === 0) return;
  const values = present.map((key) =>
    key === "labels" ? JSON.stringify(fields.labels) : (fields[key] as string | number | null),
  );
  context.db
    .prepare(
      `UPDATE issues SET ${present.map((key) => `${columns[key]} = ?`).join(", ")} WHERE id = ?`,
    )
    .run(...values, issueId);
}
