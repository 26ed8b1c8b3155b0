import { problemSchema, webhookAttemptListSchema, webhookMessageListSchema } from "@plugboard/core";
import { afterEach, describe, expect, it } from "vitest";
import { setupWebhooks, startReceiver } from "./webhooks.test-harness";

const closers: Array<() => Promise<void>> = [];

afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/**
 * An endpoint whose receiver always fails, with `count` events published: the clock moves only
 * every third one, so most messages (and their single attempts) share a millisecond.
 */
async function logOf(count: number) {
  const target = await startReceiver(() => ({ status: 500 }));
  closers.push(target.close);
  const kit = setupWebhooks({ webhooks: { retrySchedule: [0], disableAfter: false } });
  const { endpoint } = await kit.createEndpoint({ url: target.url });
  for (let i = 0; i < count; i++) {
    if (i % 3 === 0) kit.advance(1);
    await kit.plugboard.events.publish({
      organizationId: "org_acme",
      type: "issue.created",
      data: { i },
    });
  }
  await kit.plugboard.dispatcher.runDue();
  const base = `/webhooks/endpoints/${endpoint.id}`;
  const get = async (path: string) => (await kit.call("GET", `${base}${path}`, "grace")).json();
  return {
    kit,
    base,
    messages: async (query: string) =>
      webhookMessageListSchema.parse(await get(`/messages${query}`)),
    attempts: async (query: string) =>
      webhookAttemptListSchema.parse(await get(`/attempts${query}`)),
  };
}

/** Follows `nextCursor` until it is null; at most 20 pages. */
async function allPages(
  list: (query: string) => Promise<{ data: { id: string }[]; nextCursor: string | null }>,
  query: string,
) {
  const pages: { ids: string[]; nextCursor: string | null }[] = [];
  let cursor: string | null = null;
  do {
    const before: string = cursor === null ? "" : `&before=${cursor}`;
    const page = await list(`?${query}${before}`);
    pages.push({ ids: page.data.map((row) => row.id), nextCursor: page.nextCursor });
    cursor = page.nextCursor;
  } while (cursor !== null && pages.length < 20);
  return pages;
}

describe("outgoing webhooks: paging the delivery log", () => {
  it("pages through messages newest first with nextCursor, null on the last page", async () => {
    const log = await logOf(7);
    const everything = await log.messages("?limit=200");
    expect(everything.data).toHaveLength(7);
    expect(everything.nextCursor).toBeNull();

    const pages = await allPages(log.messages, "limit=3");
    expect(pages.map((page) => page.ids.length)).toEqual([3, 3, 1]);
    expect(pages.map((page) => page.nextCursor === null)).toEqual([false, false, true]);
    expect(pages.flatMap((page) => page.ids)).toEqual(everything.data.map((m) => m.id));

    // A page that ends exactly at the oldest row is the last: no empty page after it.
    const even = await allPages(log.messages, "limit=7");
    expect(even).toEqual([{ ids: everything.data.map((m) => m.id), nextCursor: null }]);

    // The cursor keeps the filter's company: the failed messages, two at a time.
    const failed = await allPages(log.messages, "status=failed&limit=2");
    expect(failed.flatMap((page) => page.ids)).toEqual(everything.data.map((m) => m.id));
    expect(await log.messages("?status=pending")).toEqual({ data: [], nextCursor: null });
  });

  it("pages through attempts the same way, also within one message's", async () => {
    const log = await logOf(5);
    const everything = await log.attempts("?limit=200");
    expect(everything.data).toHaveLength(5);

    const pages = await allPages(log.attempts, "limit=2");
    expect(pages.map((page) => page.ids.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((page) => page.ids)).toEqual(everything.data.map((a) => a.id));

    const [newest] = everything.data;
    const ofOne = await allPages(log.attempts, `messageId=${newest?.messageId}&limit=1`);
    expect(ofOne).toEqual([{ ids: [newest?.id], nextCursor: null }]);
  });

  it.each([
    ["junk", "not-a-cursor!"],
    ["an empty cursor", ""],
    ["a cursor with no id", Buffer.from("1764000000000.").toString("base64url")],
    ["a cursor with no time", Buffer.from("soon.msg_x").toString("base64url")],
  ])("refuses %s as before with a 400 field error, on both lists", async (_, before) => {
    const log = await logOf(1);
    for (const list of ["messages", "attempts"]) {
      const response = await log.kit.call(
        "GET",
        `${log.base}/${list}?before=${encodeURIComponent(before)}`,
      );
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      const problem = problemSchema.parse(await response.json());
      expect(problem.code).toBe("validation_failed");
      expect(problem.errors?.map((error) => error.path)).toEqual(["before"]);
    }
  });
});
