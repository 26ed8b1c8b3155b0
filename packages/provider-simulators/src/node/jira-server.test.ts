import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJiraSimulator } from "./servers";

let jira: Awaited<ReturnType<typeof startJiraSimulator>>;

beforeAll(async () => {
  jira = await startJiraSimulator({ issues: 250 });
});

afterAll(async () => {
  await jira?.close();
});

const auth = (email = "ada@example.com", token = "jira-test-api-token") =>
  `Basic ${btoa(`${email}:${token}`)}`;

async function api(path: string, init: RequestInit = {}, authorization = auth()) {
  return fetch(`${jira.origin}/rest/api/3${path}`, {
    ...init,
    headers: { authorization, "content-type": "application/json", ...init.headers },
  });
}

const search = (body: Record<string, unknown>) =>
  api("/search/jql", { method: "POST", body: JSON.stringify(body) });

describe("Jira simulator on a loopback server", () => {
  it("answers /myself with the token's account, and 401 with a wrong token", async () => {
    const me = await (await api("/myself")).json();
    expect(me).toMatchObject({ emailAddress: "ada@example.com", displayName: "Ada Lovelace" });
    expect((await api("/myself", {}, auth("ada@example.com", "wrong"))).status).toBe(401);
  });

  it("lists the project and the sprint and story point fields", async () => {
    expect(await (await api("/project")).json()).toEqual([
      { id: "10000", key: "ORB", name: "Orbit" },
    ]);
    const fields = (await (await api("/field")).json()) as {
      id: string;
      schema?: { custom?: string };
    }[];
    expect(fields.find((field) => field.schema?.custom?.endsWith("gh-sprint"))?.id).toBe(
      "customfield_10020",
    );
  });

  it("pages search results: bare ids without fields, 100 at most, a token, no total", async () => {
    const bare = await (await search({ jql: "project = ORB", maxResults: 500 })).json();
    expect(bare.issues).toHaveLength(100);
    expect(bare.issues[0]).toEqual({ id: "10001" });
    expect(bare).not.toHaveProperty("total");
    expect(bare.isLast).toBe(false);
    let token = bare.nextPageToken;
    const seen = [...bare.issues];
    while (token) {
      const page = await (
        await search({
          jql: "project = ORB",
          maxResults: 100,
          nextPageToken: token,
          fields: ["summary"],
        })
      ).json();
      seen.push(...page.issues);
      token = page.nextPageToken;
      if (!token) expect(page.isLast).toBe(true);
    }
    expect(seen).toHaveLength(250);
    expect(seen.at(-1)).toMatchObject({ key: "ORB-250", fields: { summary: "Orbit task 250" } });
    const count = await (
      await api("/search/approximate-count", {
        method: "POST",
        body: JSON.stringify({ jql: "project = ORB" }),
      })
    ).json();
    expect(count).toEqual({ count: 250 });
  });

  it("carries at most 20 comments in search, and /comment may return fewer than asked", async () => {
    const page = await (
      await search({ jql: "project = ORB", maxResults: 10, fields: ["comment"] })
    ).json();
    const seven = page.issues.find((issue: { key: string }) => issue.key === "ORB-7");
    expect(seven.fields.comment.comments).toHaveLength(20);
    expect(seven.fields.comment.total).toBe(25);
    const first = await (await api("/issue/ORB-7/comment?startAt=0&maxResults=50")).json();
    expect(first.comments).toHaveLength(7);
    expect(first.total).toBe(25);
  });

  it("gives attachment ids as strings in fields and as numbers in metadata", async () => {
    const page = await (
      await search({ jql: "project = ORB", maxResults: 2, fields: ["attachment"] })
    ).json();
    const [attachment] = page.issues[1].fields.attachment;
    expect(typeof attachment.id).toBe("string");
    const meta = await (await api(`/attachment/${attachment.id}`)).json();
    expect(meta.id).toBe(Number(attachment.id));
    const content = await api(`/attachment/content/${attachment.id}`);
    expect(await content.text()).toContain("altitude");
  });

  it("answers 429 with Retry-After and 5xx on demand, then recovers", async () => {
    jira.simulation.rateLimitNext(1, 2);
    jira.simulation.failNext(1, 502);
    const limited = await api("/myself");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("2");
    expect((await api("/myself")).status).toBe(502);
    expect((await api("/myself")).status).toBe(200);
  });

  it("refuses JQL for another project and shows the project page", async () => {
    expect((await search({ jql: "project = NOPE" })).status).toBe(400);
    const page = await fetch(`${jira.origin}/`);
    expect(await page.text()).toContain("ORB-1");
  });
});
