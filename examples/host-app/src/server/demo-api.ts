import type { Plugboard } from "@plugboard/server";
import { type ApiKeyRequest, apiKeyMiddleware } from "@plugboard/server/node";
import express, { type Router } from "express";

const issues = [
  { key: "WEB-1", title: "Checkout button misaligned on mobile", status: "todo" },
  { key: "WEB-2", title: "Add dark mode to the settings page", status: "in_progress" },
];

/**
 * The host's own public API, protected by Plugboard API keys: GET needs `issues:read`, POST
 * `issues:write`. Try it with curl (see the README).
 */
export function demoApi(plugboard: Plugboard): Router {
  const router = express.Router();
  router.get("/issues", apiKeyMiddleware(plugboard, { scopes: ["issues:read"] }), (req, res) => {
    const key = (req as ApiKeyRequest).apiKey;
    res.json({ data: issues, calledWith: key?.name });
  });
  router.post(
    "/issues",
    apiKeyMiddleware(plugboard, { scopes: ["issues:write"] }),
    express.json(),
    (req, res) => {
      const title = typeof req.body?.title === "string" ? req.body.title : "Untitled";
      res.status(201).json({ key: `WEB-${issues.length + 1}`, title, status: "todo" });
    },
  );
  return router;
}
