import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { generateEncryptionKey } from "../../crypto/keyring";
import { createPlugboard } from "../../plugboard";
import { NOW, oauthHarness, users } from "./oauth.test-harness";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const eightHours = 8 * 60 * 60;

describe("access tokens", () => {
  it("refreshes an expiring token once for many concurrent callers", async () => {
    const h = oauthHarness({ github: { expiresIn: eightHours } });
    server.use(...h.github.handlers);
    await h.install();
    const [before] = await h.store.installations.list("org_acme");

    // Past the token's expiry on Plugboard's clock: the next use must refresh first.
    h.clock.now = NOW + eightHours * 1000 + 1;
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        h.call("GET", "/api/plugboard/providers/github/repositories", { user: "ada" }),
      ),
    );

    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    expect(h.github.refreshes).toBe(1);
    const [after] = await h.store.installations.list("org_acme");
    expect(after?.secret).not.toBe(before?.secret);
    expect(after?.secret).not.toContain(h.github.issued[1]);
  });

  it("does not refresh a token that is still valid", async () => {
    const h = oauthHarness({ github: { expiresIn: eightHours } });
    server.use(...h.github.handlers);
    await h.install();
    h.clock.now = NOW + 60 * 60 * 1000;

    const response = await h.call("GET", "/api/plugboard/providers/github/repositories", {
      user: "ada",
    });
    expect(response.status).toBe(200);
    expect(h.github.refreshes).toBe(0);
  });

  it("asks for a reconnect and marks the installation errored when GitHub refuses the refresh", async () => {
    const h = oauthHarness({ github: { expiresIn: eightHours } });
    server.use(...h.github.handlers);
    await h.install();
    h.github.forgetRefreshTokens(); // the user revoked the app on github.com
    h.clock.now = NOW + eightHours * 1000 + 1;

    const response = await h.call("GET", "/api/plugboard/providers/github/repositories", {
      user: "ada",
    });
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({
      code: "provider_error",
      detail: expect.stringMatching(/reconnected/),
    });
    const [installation] = await h.store.installations.list("org_acme");
    expect(installation?.status).toBe("error");
  });

  it("uses the tokens another instance refreshed when its own refresh token was already spent", async () => {
    const h = oauthHarness({ github: { expiresIn: eightHours } });
    server.use(...h.github.handlers);
    await h.install();
    h.clock.now = NOW + eightHours * 1000 + 1;
    // A second app instance over the same store, with its own in-process refresh bookkeeping.
    const other = createPlugboard({
      store: h.store,
      authenticate: () => users.ada ?? null,
      encryption: h.encryption,
      now: () => h.clock.now,
      providers: { github: { clientId: h.github.clientId, clientSecret: h.github.clientSecret } },
    });
    const request = () =>
      new Request("http://app.test/api/plugboard/providers/github/repositories", {
        headers: { "x-user": "ada" },
      });
    const [mine, theirs] = await Promise.all([
      h.plugboard.handler(request()),
      other.handler(request()),
    ]);

    expect([mine.status, theirs.status]).toEqual([200, 200]);
    const [installation] = await h.store.installations.list("org_acme");
    expect(installation?.status).toBe("active");
  });

  it("re-encrypts tokens under the current key after a keyring rotation", async () => {
    const h = oauthHarness();
    server.use(...h.github.handlers);
    await h.install();
    const [sealedUnderK1] = await h.store.installations.list("org_acme");
    expect(sealedUnderK1?.secret).toMatch(/^v1\.k1\./);

    const rotated = createPlugboard({
      store: h.store,
      authenticate: () => users.ada ?? null,
      encryption: {
        currentKeyId: "k2",
        keys: { ...h.encryption.keys, k2: generateEncryptionKey() },
      },
      providers: { github: { clientId: h.github.clientId, clientSecret: h.github.clientSecret } },
    });
    const response = await rotated.handler(
      new Request("http://app.test/api/plugboard/providers/github/repositories"),
    );

    expect(response.status).toBe(200);
    const [resealed] = await h.store.installations.list("org_acme");
    expect(resealed?.secret).toMatch(/^v1\.k2\./);
  });
});
