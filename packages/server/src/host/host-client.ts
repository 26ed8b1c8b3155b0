import {
  hostAttachmentSchema,
  hostCommentSchema,
  hostCycleSchema,
  hostIssueSchema,
  hostProjectSchema,
  hostUserSchema,
  hostWorkflowStateSchema,
} from "@plugboard/core";
import { z } from "zod";
import type { HostCall, HostCapability, HostPort } from "./port";

/**
 * The host port as features call it: every answer is parsed, so a host bug surfaces as an error
 * naming the capability and the field, and features can trust the shapes they get.
 */
export type HostClient = ReturnType<typeof createHostClient>;

const answers = {
  "issues.create": hostIssueSchema,
  "issues.update": hostIssueSchema,
  "issues.getByKey": hostIssueSchema.nullable(),
  "issues.search": z.array(hostIssueSchema),
  "issues.findByExternalId": hostIssueSchema.nullable(),
  "issues.get": hostIssueSchema.nullable(),
  "issues.listDue": z.object({
    issues: z.array(hostIssueSchema),
    nextCursor: z.string().nullable(),
  }),
  "comments.create": hostCommentSchema,
  "comments.findByExternalId": hostCommentSchema.nullable(),
  "cycles.list": z.array(hostCycleSchema),
  "cycles.create": hostCycleSchema,
  "attachments.upload": hostAttachmentSchema,
  "projects.list": z.array(hostProjectSchema),
  "workflowStates.list": z.array(hostWorkflowStateSchema),
  "users.get": hostUserSchema.nullable(),
  "users.findByEmail": hostUserSchema.nullable(),
  "users.list": z.array(hostUserSchema),
} satisfies Record<HostCapability, z.ZodType>;

type Method<C extends HostCapability> = C extends `${infer G extends keyof HostPort}.${infer M}`
  ? M extends keyof NonNullable<HostPort[G]>
    ? NonNullable<NonNullable<HostPort[G]>[M]>
    : never
  : never;

export function createHostClient(host: HostPort | undefined) {
  function call<C extends HostCapability>(capability: C) {
    return async (
      ...args: Parameters<Method<C>> extends [HostCall, ...infer Rest] ? [HostCall, ...Rest] : never
    ): Promise<z.infer<(typeof answers)[C]>> => {
      const [group, method] = capability.split(".") as [keyof HostPort, string];
      const fn = (host?.[group] as Record<string, unknown> | undefined)?.[method];
      if (typeof fn !== "function") throw new Error(`host.${capability} is not implemented`);
      const answer = await fn.apply(host?.[group], args);
      const parsed = answers[capability].safeParse(answer);
      if (!parsed.success) {
        throw new Error(`host.${capability} returned an invalid answer: ${parsed.error.message}`);
      }
      return parsed.data as z.infer<(typeof answers)[C]>;
    };
  }
  return {
    port: host,
    issues: {
      create: call("issues.create"),
      update: call("issues.update"),
      getByKey: call("issues.getByKey"),
      search: call("issues.search"),
      findByExternalId: call("issues.findByExternalId"),
      get: call("issues.get"),
      listDue: call("issues.listDue"),
    },
    comments: {
      create: call("comments.create"),
      findByExternalId: call("comments.findByExternalId"),
    },
    cycles: { list: call("cycles.list"), create: call("cycles.create") },
    attachments: { upload: call("attachments.upload") },
    projects: { list: call("projects.list") },
    workflowStates: { list: call("workflowStates.list") },
    users: {
      get: call("users.get"),
      findByEmail: call("users.findByEmail"),
      list: call("users.list"),
    },
  };
}
