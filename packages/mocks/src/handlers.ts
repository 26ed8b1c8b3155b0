import { type ErrorCode, PlugboardError } from "@plugboard/core";
import { delay, HttpResponse, http } from "msw";
import {
  createMockPlugboard,
  type MockPlugboard,
  type MockPlugboardOptions,
} from "./mock-plugboard";

const defaultBasePath = "/api/plugboard";

function pattern(basePath = defaultBasePath): string {
  return `*${basePath}/*`;
}

/**
 * msw handlers serving the whole Plugboard API from the real handler over a memory store, and
 * the simulated GitHub API that handler calls.
 */
export function plugboardHandlers(options: MockPlugboardOptions = {}) {
  return mockPlugboardHandlers(createMockPlugboard(options), options.basePath);
}

/** The same, for a mock you keep a hold of (to approve OAuth consents, inspect the store). */
export function mockPlugboardHandlers(mock: MockPlugboard, basePath?: string) {
  return [
    ...mock.github.handlers,
    ...mock.slack.handlers,
    ...mock.google.handlers,
    ...mock.jira.handlers,
    http.all(pattern(basePath), ({ request }) => mock.handler(request)),
  ];
}

/** Every request hangs: for loading states. */
export function plugboardLoadingHandlers(basePath?: string) {
  return [
    http.all(pattern(basePath), async () => {
      await delay("infinite");
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}

/** Every request fails with the given problem: for error states. */
export function plugboardErrorHandlers(code: ErrorCode = "internal_error", basePath?: string) {
  const problem = new PlugboardError({ code }).toProblem();
  return [
    http.all(pattern(basePath), () =>
      HttpResponse.json(problem, {
        status: problem.status,
        headers: { "content-type": "application/problem+json" },
      }),
    ),
  ];
}
