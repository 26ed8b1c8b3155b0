import * as server from "@plugboard/server";
import * as node from "@plugboard/server/node";
import * as postgres from "@plugboard/server/postgres";
import * as redis from "@plugboard/server/redis";
import * as sqlite from "@plugboard/server/sqlite";
import * as testing from "@plugboard/server/testing";
import { describe, expect, test } from "vitest";

// Every name here is a promise to users, so adding, renaming or dropping one must show up in
// review as an edit to these snapshots. One test per entry of package.json `exports`.
describe("public exports of each entry point change only deliberately", () => {
  test("@plugboard/server", () => {
    expect(Object.keys(server).sort()).toMatchInlineSnapshot(`
      [
        "consoleLogger",
        "createKeyring",
        "createPlugboard",
        "defineJob",
        "generateEncryptionKey",
        "memoryStore",
        "readPresentedKey",
        "sealOAuthTokens",
      ]
    `);
  });

  test("@plugboard/server/node", () => {
    expect(Object.keys(node).sort()).toMatchInlineSnapshot(`
      [
        "apiKeyMiddleware",
        "toNodeHandler",
      ]
    `);
  });

  test("@plugboard/server/sqlite", () => {
    expect(Object.keys(sqlite).sort()).toMatchInlineSnapshot(`
      [
        "sqliteStore",
      ]
    `);
  });

  test("@plugboard/server/postgres", () => {
    expect(Object.keys(postgres).sort()).toMatchInlineSnapshot(`
      [
        "postgresStore",
      ]
    `);
  });

  test("@plugboard/server/redis", () => {
    expect(Object.keys(redis).sort()).toMatchInlineSnapshot(`
      [
        "redisRateLimiter",
      ]
    `);
  });

  test("@plugboard/server/testing", () => {
    expect(Object.keys(testing).sort()).toMatchInlineSnapshot(`
      [
        "createFakeOAuthProvider",
        "createMemoryHost",
        "describeStoreConformance",
      ]
    `);
  });
});
