import { createId, type HostCycle } from "@plugboard/core";
import type { HostCall } from "@plugboard/server";
import { z } from "zod";
import type { TrackerContext } from "../context";
import { invalidField, parseInput } from "../validate";

interface CycleRow {
  id: string;
  name: string;
  starts_at: string | null;
  ends_at: string | null;
}

const toCycle = (row: CycleRow): HostCycle => ({
  id: row.id,
  name: row.name,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
});

function checkProject(context: TrackerContext, organizationId: string, projectId: string) {
  const found = context.db
    .prepare("SELECT 1 FROM projects WHERE organization_id = ? AND id = ?")
    .get(organizationId, projectId);
  if (!found) throw invalidField("projectId", "No such project");
}

/** A project's cycles (iterations), oldest first: what Jira sprints become. */
export async function listCycles(
  context: TrackerContext,
  call: HostCall,
  projectId: string,
): Promise<HostCycle[]> {
  checkProject(context, call.organizationId, projectId);
  return context.db
    .prepare<[string], CycleRow>(
      "SELECT id, name, starts_at, ends_at FROM cycles WHERE project_id = ? ORDER BY starts_at, rowid",
    )
    .all(projectId)
    .map(toCycle);
}

const cycleInputSchema = z.object({
  projectId: z.string().min(1),
  name: z.string().trim().min(1).max(200),
  startsAt: z.iso.datetime({ offset: true }).nullable(),
  endsAt: z.iso.datetime({ offset: true }).nullable(),
});

/** A new cycle; one of the same name in the project is returned instead (names are unique). */
export async function createCycle(
  context: TrackerContext,
  call: HostCall,
  input: unknown,
): Promise<HostCycle> {
  const fields = parseInput(cycleInputSchema, input);
  checkProject(context, call.organizationId, fields.projectId);
  context.db
    .prepare(
      `INSERT INTO cycles (id, project_id, name, starts_at, ends_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (project_id, name) DO NOTHING`,
    )
    .run(createId("cyc"), fields.projectId, fields.name, fields.startsAt, fields.endsAt);
  const row = context.db
    .prepare<[string, string], CycleRow>(
      "SELECT id, name, starts_at, ends_at FROM cycles WHERE project_id = ? AND name = ?",
    )
    .get(fields.projectId, fields.name);
  return toCycle(row as CycleRow);
}
