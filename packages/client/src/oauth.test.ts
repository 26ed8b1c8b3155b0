import { createGitHubSimulation } from "@plugboard/provider-simulators";
import { type LoopbackServer, listenOnLoopback } from "@plugboard/provider-simulators/node";
import { createPlugboard, generateEncryptionKey, memoryStore } from "@plugboard/server";
import { toNodeHandler } from "@plugboard/server/node";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createPlugboardClient } from "./create-client";

// msw simulates only GitHub; the handler kit is real, on a loopback port.
const github = createGitHubSimulation();
const msw = setupServer(...github.handlers);
let server: LoopbackServer;
let baseUrl: string;

beforeAll(async () => {
  msw.listen({ onUnhandledRequest: "bypass" });
  const plugboard = createPlugboard({
    store: memoryStore(),
    authenticate: (request) =>
      request.headers.get("x-user") === "ada"
        ? { userId: "ada", organizationId: "acme", role: "admin" }
        : null,
    encryption: { currentKeyId: "k1", keys: { k1: generateEncryptionKey() } },
    providers: { github: { clientId: github.clientId, clientSecret: github.clientSecret } },
  });
  server = await listenOnLoopback(toNodeHandler(plugboard.handler));
  baseUrl = `${server.origin}/api/plugboard`;
});

afterEach(() => msw.resetHandlers());
afterAll(async () => {
  msw.close();
  await server.close();
});

describe("the client's OAuth and GitHub methods", () => {
  it("authorizes, links a repository, lists links and references, unlinks and uninstalls", async () => {
    const client = createPlugboardClient({ baseUrl, headers: { "x-user": "ada" } });
    const { url } = await client.integrations.authorize("github");
    expect(new URL(url).host).toBe("github.com");

    // The popup's round trip, without a browser: consent, then the callback page.
    const callback = await fetch(github.approve(url));
    expect(callback.status).toBe(200);

    const { data: repositories } = await client.github.repositories();
    expect(repositories.map((repository) => repository.fullName)).toContain("acme-inc/web");

    const link = await client.github.link({ projectId: "prj_web", repository: "acme-inc/web" });
    expect((await client.github.links("prj_web")).data).toEqual([link]);
    expect((await client.github.references({ projectId: "prj_web", limit: 5 })).data).toEqual([]);
    await client.github.unlink(link.id);
    expect((await client.github.links("prj_web")).data).toEqual([]);

    const installation = (await client.integrations.get("github")).installations[0];
    await client.integrations.uninstall("github", installation?.id ?? "");
    expect((await client.integrations.get("github")).installed).toBe(false);
    expect(client.baseUrl).toBe(baseUrl);
  });

  it("turns a bad repository name into a field error", async () => {
    const client = createPlugboardClient({ baseUrl, headers: { "x-user": "ada" } });
    const error = await client.github
      .link({ projectId: "p", repository: "not a repo" })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "validation_failed" });
  });
});
