import {
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type RequestListener,
} from "node:http";
import { connect } from "node:net";
import { type Identity, integrationListSchema, problemSchema } from "@plugboard/core";
import { type LoopbackServer, listenOnLoopback } from "@plugboard/provider-simulators/node";
import express from "express";
import { afterEach, describe, expect, it, vi } from "vitest";
import { generateEncryptionKey } from "../crypto/keyring";
import { createPlugboard } from "../plugboard";
import { memoryStore } from "../stores/memory/memory-store";
import { toNodeHandler } from "./to-node-handler";

const WEBHOOK_URL = "https://api.pumble.com/workspaces/w1/incomingWebhooks/postMessage/tOkEn";

const servers: LoopbackServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** Serves `listener` on a loopback port; returns the port. */
async function listen(listener: RequestListener): Promise<number> {
  const server = await listenOnLoopback(listener);
  servers.push(server);
  return server.port;
}

function plugboard(options: { basePath?: string } = {}) {
  const users: Record<string, Identity> = {
    ada: { userId: "usr_ada", organizationId: "org_acme", role: "admin" },
  };
  return createPlugboard({
    store: memoryStore(),
    authenticate: (request) => users[request.headers.get("x-user") ?? ""] ?? null,
    encryption: { currentKeyId: "k1", keys: { k1: generateEncryptionKey() } },
    logger: { warn: () => {}, error: () => {} },
    // Offline: Pumble's host resolves to a public address, as it does on the internet.
    webhooks: { resolveHost: async () => ["93.184.216.34"] },
    ...options,
  });
}

/** A Web handler that answers with exactly the bytes it received, and what it saw. */
async function echo(request: Request): Promise<Response> {
  return new Response(await request.arrayBuffer(), {
    headers: {
      "content-type": "application/octet-stream",
      "x-seen-method": request.method,
      "x-seen-url": request.url,
      "x-seen-content-type": request.headers.get("content-type") ?? "",
    },
  });
}

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

interface SendOptions {
  method?: string;
  path?: string;
  headers?: Record<string, string | number>;
  /** Written one after the other; without a content-length header the body goes chunked. */
  chunks?: Buffer[];
}

function readResponse(res: IncomingMessage): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on("data", (chunk: Buffer) => chunks.push(chunk));
    res.on("end", () =>
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
    );
    res.on("error", reject);
  });
}

/** node:http client, so tests control content-length versus chunked transfer exactly. */
function send(port: number, options: SendOptions = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port,
        method: options.method ?? "GET",
        path: options.path ?? "/",
        headers: options.headers ?? {},
        agent: false,
      },
      (res) => readResponse(res).then(resolve, reject),
    );
    req.on("error", reject);
    for (const chunk of options.chunks ?? []) req.write(chunk);
    req.end();
  });
}

function getAsAda(port: number, path: string): Promise<RawResponse> {
  return send(port, { path, headers: { "x-user": "ada" } });
}

function installPumbleAsAda(port: number): Promise<RawResponse> {
  return send(port, {
    method: "POST",
    path: "/api/plugboard/integrations/pumble/installations",
    headers: { "x-user": "ada", "content-type": "application/json" },
    chunks: [Buffer.from(JSON.stringify({ webhookUrl: WEBHOOK_URL }))],
  });
}

/** Writes raw bytes on a socket (for requests node:http's client refuses to make). */
function sendRaw(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(text));
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("end", () => resolve(Buffer.concat(chunks).toString("latin1")));
    socket.on("error", reject);
  });
}

function expectProblem(response: RawResponse, status: number, code: string): void {
  expect(response.status).toBe(status);
  expect(response.headers["content-type"]).toBe("application/problem+json");
  const problem = problemSchema.parse(JSON.parse(response.body.toString("utf8")));
  expect(problem.code).toBe(code);
}

describe("toNodeHandler over node:http", () => {
  it("serves a GET from the Plugboard handler", async () => {
    const port = await listen(toNodeHandler(plugboard().handler));

    const response = await getAsAda(port, "/api/plugboard/integrations");

    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("application/json");
    expect(response.headers["cache-control"]).toBe("no-store");
    const list = integrationListSchema.parse(JSON.parse(response.body.toString("utf8")));
    expect(list.data.map((entry) => entry.id)).toContain("pumble");
  });

  it("passes problem answers through: status, content type and body", async () => {
    const port = await listen(toNodeHandler(plugboard().handler));

    const response = await send(port, { path: "/api/plugboard/integrations" });

    expectProblem(response, 401, "unauthenticated");
  });

  it("installs through a POST with a JSON body, then lists it", async () => {
    const port = await listen(toNodeHandler(plugboard().handler));

    const created = await installPumbleAsAda(port);
    expect(created.status).toBe(201);

    const listed = await getAsAda(port, "/api/plugboard/integrations/pumble");
    expect(JSON.parse(listed.body.toString("utf8"))).toMatchObject({ installed: true });
  });

  it("passes the raw body bytes through unchanged", async () => {
    const port = await listen(toNodeHandler(echo));
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]), // a UTF-8 byte-order mark
      Buffer.from(' \t{ "text" :\r\n"ünïcödé ✓ 🔑",\u00a0"n": 1.50 }\n\n ', "utf8"),
      Buffer.from([0x00, 0xff, 0xfe, 0x80, 0xc3]), // NUL and invalid UTF-8
    ]);

    const response = await send(port, {
      method: "POST",
      path: "/hooks/github?x=1",
      headers: { "content-type": "application/json", "content-length": bytes.length },
      chunks: [bytes],
    });

    expect(response.status).toBe(200);
    expect(response.body.equals(bytes)).toBe(true);
    expect(response.headers["x-seen-method"]).toBe("POST");
    expect(response.headers["x-seen-content-type"]).toBe("application/json");
    expect(response.headers["x-seen-url"]).toBe(`http://127.0.0.1:${port}/hooks/github?x=1`);
  });

  it("passes a chunked body through unchanged, however it was split", async () => {
    const port = await listen(toNodeHandler(echo));
    const bytes = Buffer.from('  [1,\r\n 2 ,\t"ü✓🔑"]  ', "utf8");
    // Split inside a multi-byte character on purpose.
    const chunks = [bytes.subarray(0, 13), bytes.subarray(13, 14), bytes.subarray(14)];

    const response = await send(port, { method: "PUT", path: "/echo", chunks });

    expect(response.status).toBe(200);
    expect(response.body.equals(bytes)).toBe(true);
  });

  it("hands the handler no body for a POST without one", async () => {
    const port = await listen(
      toNodeHandler(async (request) => new Response(request.body === null ? "none" : "some")),
    );
    const response = await send(port, {
      method: "POST",
      path: "/",
      headers: { "content-length": 0 },
    });
    expect(response.body.toString()).toBe("none");
  });

  describe("body size limit", () => {
    const limit = 64;

    it("accepts a body of exactly maxBodyBytes", async () => {
      const port = await listen(toNodeHandler(echo, { maxBodyBytes: limit }));
      const bytes = Buffer.alloc(limit, "a");

      const response = await send(port, {
        method: "POST",
        headers: { "content-length": limit },
        chunks: [bytes],
      });

      expect(response.status).toBe(200);
      expect(response.body.equals(bytes)).toBe(true);
    });

    it("answers 413 payload_too_large when Content-Length is over the limit", async () => {
      const handler = vi.fn(echo);
      const port = await listen(toNodeHandler(handler, { maxBodyBytes: limit }));
      const bytes = Buffer.alloc(limit + 1, "a");

      const response = await send(port, {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": bytes.length },
        chunks: [bytes],
      });

      expectProblem(response, 413, "payload_too_large");
      expect(handler).not.toHaveBeenCalled();
    });

    it("answers 413 from the Content-Length header alone, before any body byte arrives", async () => {
      const port = await listen(toNodeHandler(echo, { maxBodyBytes: limit }));

      const req = httpRequest({
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/",
        headers: { "content-length": 10 * 1024 * 1024 },
        agent: false,
      });
      const response = await new Promise<RawResponse>((resolve, reject) => {
        req.on("error", reject);
        req.on("response", (res) => readResponse(res).then(resolve, reject));
        req.flushHeaders(); // headers only: the 10 MiB body never comes
      });
      req.destroy();

      expectProblem(response, 413, "payload_too_large");
    });

    it("answers 413 payload_too_large for a chunked body that grows past the limit", async () => {
      const handler = vi.fn(echo);
      const port = await listen(toNodeHandler(handler, { maxBodyBytes: limit }));
      const chunks = Array.from({ length: 10 }, () => Buffer.alloc(limit / 2, "b"));

      const response = await send(port, {
        method: "POST",
        headers: { "content-type": "application/json" },
        chunks,
      });

      expectProblem(response, 413, "payload_too_large");
      expect(handler).not.toHaveBeenCalled();
    });

    it("answers 413 for a body over the 1 MiB default", async () => {
      const port = await listen(toNodeHandler(echo));
      const response = await send(port, {
        method: "POST",
        headers: { "content-length": 1024 * 1024 + 1 },
        chunks: [Buffer.alloc(1024 * 1024 + 1)],
      });
      expectProblem(response, 413, "payload_too_large");
    });

    it("keeps serving after refusing a body", async () => {
      const port = await listen(toNodeHandler(plugboard().handler, { maxBodyBytes: limit }));
      await send(port, {
        method: "POST",
        path: "/api/plugboard/integrations/pumble/installations",
        chunks: Array.from({ length: 4 }, () => Buffer.alloc(limit, "c")),
      });

      const response = await getAsAda(port, "/api/plugboard/integrations");
      expect(response.status).toBe(200);
    });
  });

  it("keeps every Set-Cookie header separate and intact", async () => {
    const cookies = [
      "session=abc; Path=/; HttpOnly; Secure",
      "theme=dark; Expires=Wed, 21 Oct 2026 07:28:00 GMT",
      "csrf=x%2Cy; SameSite=Strict",
    ];
    const port = await listen(
      toNodeHandler(async () => {
        const headers = new Headers({ "content-type": "text/plain" });
        for (const cookie of cookies) headers.append("set-cookie", cookie);
        return new Response("ok", { headers });
      }),
    );

    const response = await send(port);

    expect(response.headers["set-cookie"]).toEqual(cookies);
    expect(response.headers["content-type"]).toBe("text/plain");
  });

  it("forwards repeated and custom request headers", async () => {
    const port = await listen(
      toNodeHandler(
        async (request) =>
          new Response(
            JSON.stringify({
              custom: request.headers.get("x-custom"),
              signature: request.headers.get("x-hub-signature-256"),
            }),
          ),
      ),
    );
    const response = await send(port, {
      headers: { "x-custom": "one", "x-hub-signature-256": "sha256=abc" },
    });
    expect(JSON.parse(response.body.toString())).toEqual({
      custom: "one",
      signature: "sha256=abc",
    });
  });

  it("answers a request with a malformed Host header with 400 and stays up", async () => {
    const port = await listen(toNodeHandler(plugboard().handler));

    const raw = await sendRaw(
      port,
      "GET /api/plugboard/integrations HTTP/1.1\r\nHost: a b\r\nx-user: ada\r\nConnection: close\r\n\r\n",
    );

    expect(raw.startsWith("HTTP/1.1 400")).toBe(true);
    expect(raw.toLowerCase()).toContain("content-type: application/problem+json");
    const after = await getAsAda(port, "/api/plugboard/integrations");
    expect(after.status).toBe(200);
  });

  it("answers a method fetch cannot represent (TRACE) with a 4xx and stays up", async () => {
    const port = await listen(toNodeHandler(plugboard().handler));

    const raw = await sendRaw(
      port,
      `TRACE /api/plugboard/integrations HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`,
    );

    expect(raw).toMatch(/^HTTP\/1\.1 4\d\d /);
    const after = await getAsAda(port, "/api/plugboard/integrations");
    expect(after.status).toBe(200);
  });

  it("answers 500 problem+json, without the message, when the Web handler throws", async () => {
    const logger = { warn: vi.fn(), error: vi.fn() };
    const port = await listen(
      toNodeHandler(
        async () => {
          throw new Error("secret internals");
        },
        { logger },
      ),
    );

    const response = await send(port, { path: "/boom?token=qUeRy" });

    expectProblem(response, 500, "internal_error");
    expect(response.body.toString()).not.toContain("secret internals");
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.error.mock.calls[0]?.[1]).toMatchObject({ method: "GET", path: "/boom" });
    expect(JSON.stringify(logger.error.mock.calls)).not.toContain("qUeRy");
  });

  it("aborts request.signal when the client disconnects", async () => {
    let started!: () => void;
    const handlerStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    let aborted!: (reason: unknown) => void;
    const signalAborted = new Promise<unknown>((resolve) => {
      aborted = resolve;
    });
    const port = await listen(
      toNodeHandler(async (request) => {
        if (new URL(request.url).pathname !== "/slow") return new Response("fast");
        return new Promise<Response>((resolve) => {
          request.signal.addEventListener("abort", () => {
            aborted(request.signal.reason);
            resolve(new Response("too late"));
          });
          started();
        });
      }),
    );

    const client = httpRequest({ host: "127.0.0.1", port, path: "/slow", agent: false });
    client.on("error", () => {}); // the socket is destroyed on purpose
    client.end();
    await handlerStarted;
    client.destroy();

    await expect(signalAborted).resolves.toBeDefined();
    // The server is still healthy afterwards.
    const after = await send(port, { path: "/fast" });
    expect(after.body.toString()).toBe("fast");
  });
});

describe("toNodeHandler under Express 5", () => {
  async function serveExpress() {
    const kit = plugboard();
    const app = express();
    app.use("/api/plugboard", toNodeHandler(kit.handler));
    app.get("/health", (_req, res) => {
      res.send("host app");
    });
    return listen(app);
  }

  it("serves the mounted API: req.originalUrl keeps the mount path", async () => {
    const port = await serveExpress();

    const response = await getAsAda(port, "/api/plugboard/integrations");

    expect(response.status).toBe(200);
    const list = integrationListSchema.parse(JSON.parse(response.body.toString("utf8")));
    expect(list.data.length).toBeGreaterThan(0);
  });

  it("accepts a JSON POST and answers problems through Express", async () => {
    const port = await serveExpress();

    const created = await installPumbleAsAda(port);
    expect(created.status).toBe(201);

    const duplicate = await installPumbleAsAda(port);
    expectProblem(duplicate, 409, "conflict");
  });

  it("leaves the host app's own routes alone", async () => {
    const port = await serveExpress();

    const health = await send(port, { path: "/health" });
    expect(health.status).toBe(200);
    expect(health.body.toString()).toBe("host app");
  });
});
