import { z } from "zod";
import { timestampSchema } from "./common";

/** A repository the GitHub installation can see, as Plugboard presents it. */
export const githubRepositorySchema = z.object({
  id: z.number().int(),
  fullName: z.string(),
  private: z.boolean(),
  htmlUrl: z.url(),
  defaultBranch: z.string().nullable(),
});
export type GitHubRepository = z.infer<typeof githubRepositorySchema>;
export const githubRepositoryListSchema = z.object({ data: z.array(githubRepositorySchema) });

const fullNamePattern = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

export const linkRepositorySchema = z.object({
  projectId: z.string().min(1),
  repository: z.string().regex(fullNamePattern, "Use owner/name, e.g. acme/web"),
});
export type LinkRepositoryInput = z.infer<typeof linkRepositorySchema>;

export const repositoryLinkSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  installationId: z.string(),
  repositoryId: z.number().int(),
  repositoryFullName: z.string(),
  linkedBy: z.string(),
  createdAt: timestampSchema,
});
export type RepositoryLink = z.infer<typeof repositoryLinkSchema>;
export const repositoryLinkListSchema = z.object({ data: z.array(repositoryLinkSchema) });

export const githubReferenceKindSchema = z.enum(["pull_request", "commit"]);
export const githubReferenceStateSchema = z.enum(["open", "merged", "closed", "pushed"]);

/** A pull request or commit on a linked repository that mentions an issue key. */
export const githubReferenceSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  issueKey: z.string(),
  kind: githubReferenceKindSchema,
  repositoryFullName: z.string(),
  /** `#12` for pull requests, the short SHA for commits. */
  label: z.string(),
  title: z.string(),
  url: z.url(),
  state: githubReferenceStateSchema,
  author: z.string().nullable(),
  updatedAt: timestampSchema,
});
export type GitHubReference = z.infer<typeof githubReferenceSchema>;
export const githubReferenceListSchema = z.object({ data: z.array(githubReferenceSchema) });

/** `GET /providers/github/links?projectId=`: the links of one project. */
export const githubLinkQuerySchema = z.object({ projectId: z.string().min(1) });

/** `GET /providers/github/references?projectId=&limit=`: the newest `limit` (1–100, default 20). */
export const githubReferenceQuerySchema = githubLinkQuerySchema.extend({
  limit: z.coerce.number<number | string>().int().min(1).max(100).default(20),
});
