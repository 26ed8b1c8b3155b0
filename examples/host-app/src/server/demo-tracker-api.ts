import { PlugboardError } from "@plugboard/core";
import type { HostCall } from "@plugboard/server";
import express, { type Request, type Router } from "express";
import type { IssueDetail, TrackerSession } from "../shared/tracker-api";
import { identityFromCookie } from "./demo-identity";
import { problemResponses } from "./problem-responses";
import { createComment } from "./tracker/comments/create-comment";
import { listComments } from "./tracker/comments/list-comments";
import type { TrackerContext } from "./tracker/context";
import { createIssue } from "./tracker/issues/create-issue";
import { getIssueByKey } from "./tracker/issues/get-issue-by-key";
import { searchIssues } from "./tracker/issues/search-issues";
import { updateIssue } from "./tracker/issues/update-issue";
import { listProjects } from "./tracker/projects/list-projects";
import { getUser } from "./tracker/users/get-user";
import { listUsers } from "./tracker/users/list-users";
import { listWorkflowStates } from "./tracker/workflow-states/list-workflow-states";

/** The signed-in demo user (the `demo_user` cookie), or a 401. */
function callOf(req: Request): HostCall {
  const identity = identityFromCookie(req.headers.cookie);
  if (!identity) throw new PlugboardError({ code: "unauthenticated" });
  return { organizationId: identity.organizationId, actor: { userId: identity.userId } };
}

async function issueByKey(tracker: TrackerContext, call: HostCall, key: string) {
  const issue = await getIssueByKey(tracker, call, key);
  if (!issue) throw new PlugboardError({ code: "not_found", detail: `No issue ${key}` });
  return issue;
}

/**
 * The demo tracker's JSON API for its Issues page, as the signed-in demo user. Every change goes
 * through the same tracker functions as the host port, so each one is announced to Plugboard.
 */
export function demoTrackerApi(tracker: TrackerContext): Router {
  const router = express.Router();
  router.use(express.json({ limit: "64kb" }));

  router.get("/session", async (req, res) => {
    const call = callOf(req);
    const projects = await listProjects(tracker, call);
    const user = await getUser(tracker, call, "userId" in call.actor ? call.actor.userId : "");
    if (!user) throw new PlugboardError({ code: "unauthenticated", detail: "Not a tracker user" });
    const session: TrackerSession = {
      user,
      users: listUsers(tracker, call.organizationId),
      projects: await Promise.all(
        projects.map(async (project) => ({
          ...project,
          states: await listWorkflowStates(tracker, call, project.id),
        })),
      ),
    };
    res.json(session);
  });

  router.get("/issues", async (req, res) => {
    const text = typeof req.query.q === "string" ? req.query.q : "";
    const projectId = typeof req.query.projectId === "string" ? req.query.projectId : undefined;
    const data = await searchIssues(tracker, callOf(req), {
      text,
      ...(projectId ? { projectId } : {}),
      limit: 100,
    });
    res.json({ data });
  });

  router.post("/issues", async (req, res) => {
    res.status(201).json(await createIssue(tracker, callOf(req), req.body));
  });

  router.get("/issues/:key", async (req, res) => {
    const issue = await issueByKey(tracker, callOf(req), req.params.key);
    const detail: IssueDetail = { issue, comments: listComments(tracker, issue.id) };
    res.json(detail);
  });

  router.patch("/issues/:key", async (req, res) => {
    const call = callOf(req);
    const issue = await issueByKey(tracker, call, req.params.key);
    res.json(await updateIssue(tracker, call, issue.id, req.body));
  });

  router.post("/issues/:key/comments", async (req, res) => {
    const call = callOf(req);
    const issue = await issueByKey(tracker, call, req.params.key);
    const body = (req.body as { body?: unknown } | undefined)?.body;
    res.status(201).json(await createComment(tracker, call, { issueId: issue.id, body }));
  });

  router.use(problemResponses);
  return router;
}
