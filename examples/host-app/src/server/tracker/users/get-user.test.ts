import { hostUserSchema } from "@plugboard/core";
import { describe, expect, it } from "vitest";
import { openTestTracker } from "../tracker.test-helper";
import { getUser } from "./get-user";

describe("users.get", () => {
  it("finds a person of the organization by id", async () => {
    const { context, ada, stranger } = openTestTracker();
    expect(hostUserSchema.parse(await getUser(context, ada, "user_grace"))).toEqual({
      id: "user_grace",
      name: "Grace Hopper",
      email: "grace@acme.example",
    });
    expect(await getUser(context, ada, "user_nope")).toBeNull();
    expect(await getUser(context, stranger, "user_grace")).toBeNull();
  });
});
