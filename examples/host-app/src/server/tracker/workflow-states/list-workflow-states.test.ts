import { hostWorkflowStateSchema } from "@plugboard/core";
import { describe, expect, it } from "vitest";
import { openTestTracker } from "../tracker.test-helper";
import { listWorkflowStates } from "./list-workflow-states";

describe("workflowStates.list", () => {
  it("lists a project's states in board order with their categories", async () => {
    const { context, ada, stranger } = openTestTracker();
    const states = hostWorkflowStateSchema
      .array()
      .parse(await listWorkflowStates(context, ada, "prj_demo"));
    expect(states.map((state) => [state.name, state.category])).toEqual([
      ["Backlog", "backlog"],
      ["Todo", "unstarted"],
      ["In Progress", "started"],
      ["In Review", "started"],
      ["Done", "completed"],
      ["Cancelled", "cancelled"],
    ]);
    expect(await listWorkflowStates(context, stranger, "prj_demo")).toEqual([]);
    expect(await listWorkflowStates(context, ada, "prj_nope")).toEqual([]);
  });
});
