import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { withStatementCache } from "./statement-cache";

describe("withStatementCache", () => {
  it("prepares each SQL text once, answers from the reused statement, and stays bounded", () => {
    const database = new Database(":memory:");
    database.exec("create table t (n integer)");
    const cached = withStatementCache(database, 2);
    const insert = cached.prepare("insert into t (n) values (?)");
    expect(cached.prepare("insert into t (n) values (?)")).toBe(insert);
    insert.run([1]);
    insert.run([2]);
    const count = cached.prepare("select count(*) as n from t");
    expect(count.all([])).toEqual([{ n: 2 }]);

    // A third text pushes out the least recently used one (the insert).
    cached.prepare("select n from t");
    expect(cached.prepare("select count(*) as n from t")).toBe(count);
    expect(cached.prepare("insert into t (n) values (?)")).not.toBe(insert);
    cached.close();
    expect(database.open).toBe(false);
  });
});
