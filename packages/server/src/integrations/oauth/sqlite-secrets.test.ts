import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sqliteStore } from "../../stores/sqlite/index";
import { oauthHarness } from "./oauth.test-harness";

const server = setupServer();
const directory = mkdtempSync(join(tmpdir(), "plugboard-oauth-"));
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => {
  server.close();
  rmSync(directory, { recursive: true, force: true });
});

it("keeps OAuth tokens and PKCE verifiers out of the SQLite file", async () => {
  const file = join(directory, "plugboard.db");
  const store = await sqliteStore(file);
  const h = oauthHarness({ store, github: { expiresIn: 3600 } });
  server.use(...h.github.handlers);

  const authorizeUrl = await h.authorize();
  const pending = ["", "-wal"].map((suffix) => {
    try {
      return readFileSync(`${file}${suffix}`).toString("latin1");
    } catch {
      return "";
    }
  });
  expect(pending.join("")).not.toContain(new URL(authorizeUrl).searchParams.get("state"));

  expect((await h.call("GET", h.github.approve(authorizeUrl))).status).toBe(200);
  await store.close();

  const bytes = ["", "-wal"]
    .map((suffix) => {
      try {
        return readFileSync(`${file}${suffix}`).toString("latin1");
      } catch {
        return "";
      }
    })
    .join("");
  expect(bytes).toContain("acme-inc"); // the row is there…
  for (const token of h.github.issued) expect(bytes).not.toContain(token); // …its token is not
  expect(bytes).not.toContain("ghr_sim"); // nor the refresh token
  const verifier = h.github.tokenRequests[0]?.get("code_verifier") ?? "missing";
  expect(bytes).not.toContain(verifier);
});
