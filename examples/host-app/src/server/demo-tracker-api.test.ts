import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHostApp, type TestHostApp } from "./test-host-app";

let app: TestHostApp;

beforeAll(async () => {
  app = await startTestHostApp();
});

afterAll(() => app.stop());

function call(path: string, init: { method?: string; body?: unknown; user?: string } = {}) {
  return fetch(`${app.origin}/demo-tracker${path}`, {
    method: init.method ?? "GET",
    headers: {
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      ...(init.user ? { cookie: `demo_user=${init.user}` } : {}),
    },
    ...(init.body === undefined
      ? {}
      : { body: typeof init.body === "string" ? init.body : JSON.stringify(init.body) }),
  });
}

describe("the demo tracker's JSON API", () => {
  it("creates, reads, edits and comments on an issue as the signed-in user", async () => {
    const session = await (await call("/session", { user: "grace" })).json();
    expect(session.user).toMatchObject({ id: "user_grace", name: "Grace Hopper" });
    expect(session.projects[0]).toMatchObject({ key: "DEMO", states: expect.any(Array) });

    const created = await call("/issues", {
      method: "POST",
      user: "grace",
      body: { projectId: "prj_demo", title: "Flaky login", priority: "urgent" },
    });
    expect(created.status).toBe(201);
    const issue = await created.json();
    expect(issue).toMatchObject({ key: "DEMO-4", stateId: "st_todo", priority: "urgent" });

    const edited = await call("/issues/demo-4", {
      method: "PATCH",
      body: { stateId: "st_in_progress", assigneeId: "user_ada", dueDate: "2026-12-31" },
    });
    expect(await edited.json()).toMatchObject({ stateId: "st_in_progress", dueDate: "2026-12-31" });
    const commented = await call("/issues/DEMO-4/comments", {
      method: "POST",
      user: "grace",
      body: { body: "On it" },
    });
    expect(commented.status).toBe(201);

    const detail = await (await call("/issues/DEMO-4")).json();
    expect(detail.issue.assigneeId).toBe("user_ada");
    expect(detail.comments).toEqual([
      expect.objectContaining({ body: "On it", authorId: "user_grace" }),
    ]);
    const list = await (await call("/issues?q=flaky")).json();
    expect(list.data.map((found: { key: string }) => found.key)).toEqual(["DEMO-4"]);
  });

  it("answers mistakes as problem+json with a stable code, never a 500", async () => {
    const cases: [Promise<Response>, number, string][] = [
      [
        call("/issues", { method: "POST", body: { projectId: "prj_demo" } }),
        400,
        "validation_failed",
      ],
      [call("/issues", { method: "POST", body: "{not json" }), 400, "validation_failed"],
      [call("/issues", { method: "POST", body: "x".repeat(70_000) }), 413, "payload_too_large"],
      [
        call("/issues/DEMO-1", { method: "PATCH", body: { priority: "soon" } }),
        400,
        "validation_failed",
      ],
      [call("/issues/DEMO-99"), 404, "not_found"],
      [call("/issues/DEMO-1/comments", { method: "POST", body: {} }), 400, "validation_failed"],
      [call("/session", { user: "mallory" }), 401, "unauthenticated"],
    ];
    for (const [pending, status, code] of cases) {
      const response = await pending;
      expect(response.status, code).toBe(status);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect((await response.json()).code).toBe(code);
    }
    const field = await call("/issues", {
      method: "POST",
      body: { projectId: "prj_demo", title: "" },
    });
    expect((await field.json()).errors).toEqual([
      { path: "title", message: "Give the issue a title" },
    ]);
  });
});
