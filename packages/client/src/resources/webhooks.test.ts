import type { IncomingHttpHeaders } from "node:http";
import { PlugboardError, verifyWebhook } from "@plugboard/core";
import { describe, expect, it } from "vitest";
import { listen, startPlugboard } from "../test/loopback";

/** A customer's receiver on loopback: records every delivery, answers `status`. */
async function startReceiver() {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const state = { status: 204 };
  const origin = await listen((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(state.status).end(state.status >= 400 ? "down for maintenance" : "");
    });
  });
  return { url: `${origin}/hooks`, received, state };
}

/** The kit, allowed (explicitly) to deliver to a loopback receiver. */
function startWithLoopbackDelivery() {
  return startPlugboard({
    webhooks: { allowHttp: true, allowAddresses: ["127.0.0.1"], retrySchedule: [0] },
  });
}

const headersOf = (headers: IncomingHttpHeaders) =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value)]));

describe("client.webhooks against a real server", () => {
  it("creates with the secret once; lists, gets and updates carry only the hint", async () => {
    const { admin, member } = await startWithLoopbackDelivery();
    const receiver = await startReceiver();

    const created = await admin.webhooks.create({
      url: receiver.url,
      description: "CI",
      eventMode: "individual",
      events: ["issue.created", "comment.created"],
    });
    expect(created.secret).toMatch(/^whsec_/);
    expect(created.endpoint).toMatchObject({
      url: receiver.url,
      enabled: true,
      secretHint: expect.stringMatching(/^whsec_…/),
    });
    expect(created.endpoint.secretHint.slice(-4)).toBe(created.secret.slice(-4));

    const list = await member.webhooks.list();
    expect(list.data.map((endpoint) => endpoint.id)).toEqual([created.endpoint.id]);
    expect(list.permissions).toEqual({ manage: false });
    expect((await admin.webhooks.list()).permissions).toEqual({ manage: true });
    expect(JSON.stringify(list)).not.toContain(created.secret);
    expect(await member.webhooks.get(created.endpoint.id)).toEqual(list.data[0]);

    const disabled = await admin.webhooks.update(created.endpoint.id, { enabled: false });
    expect(disabled).toMatchObject({ enabled: false, disabledReason: "manual" });
    const enabled = await admin.webhooks.update(created.endpoint.id, {
      enabled: true,
      description: "CI and chat",
    });
    expect(enabled).toMatchObject({
      enabled: true,
      disabledReason: null,
      description: "CI and chat",
    });
    expect(JSON.stringify([disabled, enabled])).not.toContain(created.secret);

    await admin.webhooks.remove(created.endpoint.id);
    expect((await admin.webhooks.list()).data).toEqual([]);
  });

  it("rotates the secret: the new one shown once, both signing during the grace period", async () => {
    const { admin } = await startWithLoopbackDelivery();
    const receiver = await startReceiver();
    const created = await admin.webhooks.create({ url: receiver.url });

    const rotated = await admin.webhooks.rotateSecret(created.endpoint.id, {
      gracePeriodSeconds: 3600,
    });
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(created.secret);
    expect(rotated.endpoint.previousSecretExpiresAt).not.toBeNull();

    const attempt = await admin.webhooks.sendTest(created.endpoint.id);
    expect(attempt).toMatchObject({ status: "succeeded", trigger: "test", responseStatus: 204 });
    const [delivery] = receiver.received;
    if (!delivery) throw new Error("expected a delivery");
    for (const secret of [created.secret, rotated.secret]) {
      const payload = await verifyWebhook(secret, headersOf(delivery.headers), delivery.body);
      expect(payload).toMatchObject({ type: "webhook.test" });
    }
  });

  it("sends a test to a loopback receiver and reads messages and attempts", async () => {
    const { admin, member } = await startWithLoopbackDelivery();
    const receiver = await startReceiver();
    const { endpoint } = await admin.webhooks.create({ url: receiver.url });

    const attempt = await admin.webhooks.sendTest(endpoint.id);
    expect(attempt).toMatchObject({ status: "succeeded", responseStatus: 204, error: null });
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]?.headers["webhook-id"]).toBe(attempt.messageId);

    const messages = await member.webhooks.listMessages(endpoint.id, { status: "succeeded" });
    expect(messages.data).toEqual([
      expect.objectContaining({
        id: attempt.messageId,
        eventType: "webhook.test",
        status: "succeeded",
        payload: expect.objectContaining({ type: "webhook.test" }),
      }),
    ]);
    expect((await member.webhooks.listMessages(endpoint.id, { status: "failed" })).data).toEqual(
      [],
    );
    const attempts = await member.webhooks.listAttempts(endpoint.id, {
      messageId: attempt.messageId,
    });
    expect(attempts.data).toEqual([attempt]);
  });

  it("resends one message with its webhook-id and recovers the failed ones after an outage", async () => {
    const { plugboard, admin } = await startWithLoopbackDelivery();
    const receiver = await startReceiver();
    const { endpoint } = await admin.webhooks.create({ url: receiver.url });
    const since = new Date(Date.now() - 60_000).toISOString();

    receiver.state.status = 503;
    for (const id of ["iss_1", "iss_2"]) {
      await plugboard.events.publish({
        organizationId: "acme",
        type: "issue.created",
        data: { id },
      });
    }
    expect(await plugboard.dispatcher.runDue()).toMatchObject({ claimed: 2, failed: 2 });
    const failed = await admin.webhooks.listMessages(endpoint.id, { status: "failed" });
    expect(failed.data).toHaveLength(2);
    const failures = await admin.webhooks.listAttempts(endpoint.id);
    expect(failures.data[0]).toMatchObject({
      status: "failed",
      responseStatus: 503,
      responseBody: "down for maintenance",
    });

    receiver.state.status = 200;
    const [first, second] = failed.data;
    if (!first || !second) throw new Error("expected two messages");
    const resent = await admin.webhooks.resend(endpoint.id, first.id);
    expect(resent).toMatchObject({ id: first.id, status: "pending", attemptCount: 0 });
    expect(await plugboard.dispatcher.runDue()).toMatchObject({ claimed: 1, delivered: 1 });
    expect(receiver.received.at(-1)?.headers["webhook-id"]).toBe(first.id);

    expect(await admin.webhooks.recover(endpoint.id, { since })).toEqual({ recovered: 1 });
    expect(await plugboard.dispatcher.runDue()).toMatchObject({ claimed: 1, delivered: 1 });
    expect(receiver.received.at(-1)?.headers["webhook-id"]).toBe(second.id);
    expect((await admin.webhooks.listMessages(endpoint.id, { status: "failed" })).data).toEqual([]);
  });

  it("pages through messages and attempts with before and nextCursor", async () => {
    const { plugboard, admin, member } = await startWithLoopbackDelivery();
    const receiver = await startReceiver();
    const { endpoint } = await admin.webhooks.create({ url: receiver.url });
    for (let i = 0; i < 5; i++) {
      await plugboard.events.publish({
        organizationId: "acme",
        type: "issue.created",
        data: { i },
      });
    }
    expect(await plugboard.dispatcher.runDue()).toMatchObject({ claimed: 5, delivered: 5 });

    const newest = await member.webhooks.listMessages(endpoint.id, { limit: 2 });
    expect(newest.data).toHaveLength(2);
    expect(newest.nextCursor).toEqual(expect.any(String));
    const middle = await member.webhooks.listMessages(endpoint.id, {
      limit: 2,
      before: newest.nextCursor ?? "",
    });
    const oldest = await member.webhooks.listMessages(endpoint.id, {
      limit: 2,
      before: middle.nextCursor ?? "",
    });
    expect(oldest.data).toHaveLength(1);
    expect(oldest.nextCursor).toBeNull();
    const all = await member.webhooks.listMessages(endpoint.id);
    expect([...newest.data, ...middle.data, ...oldest.data]).toEqual(all.data);
    expect(all.nextCursor).toBeNull();

    const attempts = await member.webhooks.listAttempts(endpoint.id, { limit: 4 });
    expect(attempts.data).toHaveLength(4);
    const older = await member.webhooks.listAttempts(endpoint.id, {
      limit: 4,
      before: attempts.nextCursor ?? "",
    });
    expect(older).toEqual({
      data: [expect.objectContaining({ status: "succeeded" })],
      nextCursor: null,
    });
    expect(new Set([...attempts.data, ...older.data].map((a) => a.messageId))).toEqual(
      new Set(all.data.map((m) => m.id)),
    );

    const junk = await member.webhooks
      .listMessages(endpoint.id, { before: "junk" })
      .catch((error: unknown) => error as PlugboardError);
    expect(junk).toBeInstanceOf(PlugboardError);
    expect(junk).toMatchObject({ status: 400, code: "validation_failed" });
    expect((junk as PlugboardError).fieldError("before")).toBeTruthy();
  });

  it("turns refusals into PlugboardErrors with status, code and field errors", async () => {
    const { admin, member } = await startWithLoopbackDelivery();
    const catching = (promise: Promise<unknown>) =>
      promise.then(
        () => {
          throw new Error("expected a rejection");
        },
        (error: unknown) => error as PlugboardError,
      );

    const privateAddress = await catching(admin.webhooks.create({ url: "http://10.0.0.1/hooks" }));
    expect(privateAddress).toBeInstanceOf(PlugboardError);
    expect(privateAddress).toMatchObject({ status: 400, code: "validation_failed" });
    expect(privateAddress.fieldError("url")).toMatch(/private or reserved/);

    const noEvents = await catching(
      admin.webhooks.create({ url: "https://hooks.example.com/x", eventMode: "individual" }),
    );
    expect(noEvents).toMatchObject({ status: 400, code: "validation_failed" });
    expect(noEvents.fieldError("events")).toBeTruthy();

    const unknownEvent = await catching(
      admin.webhooks.create({
        url: "https://hooks.example.com/x",
        eventMode: "individual",
        events: ["issue.exploded" as "issue.created"],
      }),
    );
    expect(unknownEvent).toMatchObject({ status: 400, code: "validation_failed" });
    expect(unknownEvent.fieldError("events.0")).toBeTruthy();

    const notAdmin = await catching(member.webhooks.create({ url: "https://hooks.example.com/x" }));
    expect(notAdmin).toMatchObject({ status: 403, code: "forbidden" });
    const missing = await catching(admin.webhooks.get("whe_missing"));
    expect(missing).toMatchObject({ status: 404, code: "not_found" });
    expect((await admin.webhooks.list()).data).toEqual([]);
  });
});
