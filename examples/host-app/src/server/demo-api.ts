import type { Plugboard } from "@plugboard/server";
import { type ApiKeyRequest, apiKeyMiddleware } from "@plugboard/server/node";
import express, { type Router } from "express";
import { problemResponses } from "./problem-responses";
import type { TrackerContext } from "./tracker/context";
import { createIssue } from "./tracker/issues/create-issue";
import { searchIssues } from "./tracker/issues/search-issues";

/**
 * The host's own public API, protected by Plugboard API keys: GET needs `issues:read`, POST
 * `issues:write`. It reads and writes the tracker's issues, acting as the key. Try it with
 * curl (see the README).
 */
export function demoApi(plugboard: Plugboard, tracker: TrackerContext): Router {
  const router = express.Router();
  const callOf = (req: ApiKeyRequest) => {
    const key = req.apiKey as NonNullable<ApiKeyRequest["apiKey"]>;
    return { organizationId: key.organizationId, actor: { integration: `api-key:${key.id}` } };
  };
  router.get(
    "/issues",
    apiKeyMiddleware(plugboard, { scopes: ["issues:read"] }),
    async (req, res) => {
      const call = callOf(req as ApiKeyRequest);
      res.json({ data: await searchIssues(tracker, call, { limit: 100 }) });
    },
  );
  router.post(
    "/issues",
    apiKeyMiddleware(plugboard, { scopes: ["issues:write"] }),
    express.json({ limit: "64kb" }),
    async (req, res) => {
      const title = (req.body as { title?: unknown } | undefined)?.title;
      const issue = await createIssue(tracker, callOf(req as ApiKeyRequest), {
        projectId: "prj_demo",
        title,
      });
      res.status(201).json(issue);
    },
  );
  router.use(problemResponses);
  return router;
}
