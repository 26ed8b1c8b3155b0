import { pkceChallenge } from "@plugboard/core";
import { createGitHubSimulation, simulatedRepository } from "@plugboard/provider-simulators";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createMockPlugboard } from "./mock-plugboard";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function tokenRequest(
  github: ReturnType<typeof createGitHubSimulation>,
  form: Record<string, string>,
) {
  return fetch("https://github.com/login/oauth/access_token", {
    method: "POST",
    headers: {
      accept: "application/json",
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${btoa(`${github.clientId}:${github.clientSecret}`)}`,
    },
    body: new URLSearchParams(form),
  });
}

describe("the simulated GitHub", () => {
  it("exchanges an approved code once, checking the redirect URI and the PKCE verifier", async () => {
    const github = createGitHubSimulation();
    server.use(...github.handlers);
    const verifier = "v".repeat(43);
    const authorize = new URL("https://github.com/login/oauth/authorize");
    authorize.searchParams.set("redirect_uri", "https://app.test/callback");
    authorize.searchParams.set("state", "s1");
    authorize.searchParams.set("code_challenge", await pkceChallenge(verifier));
    const callback = new URL(github.approve(authorize.toString()));
    expect(callback.searchParams.get("state")).toBe("s1");
    const code = callback.searchParams.get("code") ?? "";

    const wrongVerifier = await tokenRequest(github, {
      code,
      redirect_uri: "https://app.test/callback",
      code_verifier: "w".repeat(43),
    });
    // As GitHub does: a bad code is a 200 with an error body, and the code is spent.
    expect(wrongVerifier.status).toBe(200);
    expect(await wrongVerifier.json()).toMatchObject({ error: "bad_verification_code" });

    const again = new URL(github.approve(authorize.toString())).searchParams.get("code") ?? "";
    const ok = await tokenRequest(github, {
      code: again,
      redirect_uri: "https://app.test/callback",
      code_verifier: verifier,
    });
    expect(await ok.json()).toMatchObject({ token_type: "bearer", scope: "repo,read:org" });
  });

  it("pages GET /user/repos with a Link header and refuses unknown tokens", async () => {
    const github = createGitHubSimulation({
      acceptedTokens: ["gho_test"],
      pageSize: 1,
      repositories: [simulatedRepository(1, "a/one"), simulatedRepository(2, "a/two")],
    });
    server.use(...github.handlers);
    const first = await fetch("https://api.github.com/user/repos?per_page=1", {
      headers: { authorization: "Bearer gho_test" },
    });
    expect(first.headers.get("link")).toMatch(/page=2>; rel="next"/);
    expect((await first.json()) as unknown[]).toHaveLength(1);

    const denied = await fetch("https://api.github.com/user", {
      headers: { authorization: "Bearer nope" },
    });
    expect(denied.status).toBe(401);
  });
});

describe("createMockPlugboard", () => {
  it("seeds a GitHub installation whose token the simulated GitHub accepts", async () => {
    const mock = createMockPlugboard();
    server.use(...mock.github.handlers);
    const response = await mock.handler(
      new Request("http://localhost/api/plugboard/providers/github/repositories"),
    );
    expect(response.status).toBe(200);
    const links = await mock.handler(
      new Request("http://localhost/api/plugboard/providers/github/links?projectId=prj_web"),
    );
    expect(((await links.json()) as { data: unknown[] }).data).toHaveLength(1);
  });
});
