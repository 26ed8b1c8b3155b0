import { isPlugboardError, PlugboardError, problemContentType } from "@plugboard/core";
import type { ErrorRequestHandler } from "express";

/**
 * The demo's own routes answer failures as problem+json, like Plugboard's: a client's mistake
 * (bad JSON, a body too large, a field the tracker refuses) is a 4xx with a stable code.
 */
export const problemResponses: ErrorRequestHandler = (error, _req, res, _next) => {
  const known = isPlugboardError(error)
    ? error
    : (error as { type?: string }).type === "entity.too.large"
      ? new PlugboardError({ code: "payload_too_large" })
      : (error as { type?: string }).type === "entity.parse.failed"
        ? new PlugboardError({ code: "validation_failed", detail: "The body is not valid JSON" })
        : null;
  if (!known) console.error("[demo] unexpected error", error);
  const problem = (known ?? new PlugboardError({ code: "internal_error" })).toProblem();
  res.status(problem.status).type(problemContentType).send(JSON.stringify(problem));
};
