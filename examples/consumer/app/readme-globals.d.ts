// What README code blocks use without defining it: the host's own helpers and values, and values an
// earlier block of the same README made. Each block is checked as a module of its own against the
// packed types; everything a block imports must be imported in the block itself.
import type { PlugboardClient } from "@plugboard/client";
import type { HostPort, Plugboard, PlugboardOptions } from "@plugboard/server";
import type { Express } from "express";

declare global {
  /** The host's session lookup (root README quick start). */
  function getSession(
    cookie: string | null,
  ): Promise<{ userId: string; workspaceId: string; role: "admin" | "member" } | null>;
  /** The host's token source (client README). */
  function getToken(): Promise<string>;
  /** The host's own tracker, whatever its API (server README's host port). */
  const tracker: {
    issues: {
      create(organizationId: string, input: object): Promise<never>;
      update(organizationId: string, issueId: string, changes: object): Promise<never>;
      findByKey(organizationId: string, key: string): Promise<never>;
      search(organizationId: string, query: object): Promise<never[]>;
    };
    comments: { add(issueId: string, body: string, actor: object): Promise<never> };
    projects: { list(organizationId: string): Promise<never[]> };
    states: { list(projectId: string): Promise<never[]> };
    users: {
      get(userId: string): Promise<never>;
      findByEmail(organizationId: string, email: string): Promise<never>;
    };
  };
  /** The host port built as in the server README (root README's OAuth block). */
  const myTrackerHostPort: HostPort;
  /** The host's UI (client README's paging loop). */
  function show(rows: unknown[]): void;

  // Made by an earlier block.
  const plugboard: Plugboard;
  const client: PlugboardClient;
  const app: Express;
  const store: PlugboardOptions["store"];
  const authenticate: PlugboardOptions["authenticate"];
  const encryption: PlugboardOptions["encryption"];
  const endpoint: { id: string };
  const messageId: string;

  // In scope in the host's route or handler.
  const request: Request;
  const response: Response;
  const rawBody: string;
  const signal: AbortSignal;
  const projectId: string;
}
