import { describe, expect, it } from "vitest";
import { createPlugboardClient } from "./create-client";
import { listen, startPlugboard } from "./test/loopback";

describe("the fetch transport", () => {
  it("joins the base URL and the route with one slash, whatever the base URL ends with", async () => {
    const { baseUrl } = await startPlugboard();
    const client = createPlugboardClient({ baseUrl: `${baseUrl}//`, headers: { "x-user": "ada" } });

    await expect(client.integrations.list()).resolves.toMatchObject({
      data: expect.arrayContaining([expect.objectContaining({ id: "github" })]),
    });
  });

  it("sends JSON bodies with their content type and asks for JSON or problem+json", async () => {
    const seen: { method?: string; type?: string; accept?: string; body?: string } = {};
    const origin = await listen((req, res) => {
      let body = "";
      req.on("data", (chunk) => {
        body += chunk;
      });
      req.on("end", () => {
        Object.assign(seen, {
          method: req.method,
          type: req.headers["content-type"],
          accept: req.headers.accept,
          body,
        });
        res.writeHead(200, { "content-type": "application/json" }).end('{"url":"https://x.test"}');
      });
    });
    const client = createPlugboardClient({ baseUrl: origin });

    await expect(client.integrations.authorize("github", { projectId: "prj_1" })).resolves.toEqual({
      url: "https://x.test",
    });
    expect(seen).toEqual({
      method: "POST",
      type: "application/json",
      accept: "application/json, application/problem+json",
      body: '{"projectId":"prj_1"}',
    });
  });

  it("uses the fetch it is given, with the host's headers", async () => {
    const requests: Request[] = [];
    const client = createPlugboardClient({
      baseUrl: "https://app.example.com/api/plugboard",
      headers: { authorization: "Bearer t" },
      fetch: async (input, init) => {
        requests.push(new Request(input, init));
        return Response.json({ data: [], permissions: { manage: true } });
      },
    });

    await expect(client.webhooks.list()).resolves.toMatchObject({ data: [] });
    expect(requests.map((request) => [request.method, request.url])).toEqual([
      ["GET", "https://app.example.com/api/plugboard/webhooks/endpoints"],
    ]);
    expect(requests[0]?.headers.get("authorization")).toBe("Bearer t");
  });

  it("stays an AbortError when the caller's signal was aborted before the call", async () => {
    const { admin } = await startPlugboard();

    await expect(admin.integrations.list({ signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: "AbortError",
    });
  });
});
