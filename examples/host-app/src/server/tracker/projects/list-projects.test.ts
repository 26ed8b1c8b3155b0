import { hostProjectSchema } from "@plugboard/core";
import { describe, expect, it } from "vitest";
import { openTestTracker } from "../tracker.test-helper";
import { listProjects } from "./list-projects";

describe("projects.list", () => {
  it("lists the organization's projects only", async () => {
    const { context, ada, stranger } = openTestTracker();
    const projects = await listProjects(context, ada);
    expect(hostProjectSchema.array().parse(projects)).toEqual([
      { id: "prj_demo", key: "DEMO", name: "Demo" },
    ]);
    expect(await listProjects(context, stranger)).toEqual([]);
  });
});
