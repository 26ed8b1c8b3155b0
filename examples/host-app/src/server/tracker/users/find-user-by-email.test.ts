import { describe, expect, it } from "vitest";
import { openTestTracker } from "../tracker.test-helper";
import { findUserByEmail } from "./find-user-by-email";

describe("users.findByEmail", () => {
  it("matches an email case-insensitively within the organization", async () => {
    const { context, ada, stranger } = openTestTracker();
    expect((await findUserByEmail(context, ada, " Ada@Acme.Example "))?.id).toBe("user_ada");
    expect(await findUserByEmail(context, ada, "nobody@acme.example")).toBeNull();
    expect(await findUserByEmail(context, stranger, "ada@acme.example")).toBeNull();
  });
});
