import { describe, expect, it } from "vitest";
import { trackerHostPort } from "./host-port";
import { openTestTracker } from "./tracker.test-helper";

describe("the tracker as Plugboard's host port", () => {
  it("moves an issue to the project's completed state as Plugboard's GitHub sync would", async () => {
    const { context, github, published } = openTestTracker();
    const host = trackerHostPort(context);
    const issue = await host.issues.getByKey(github, "DEMO-1");
    const states = await host.workflowStates.list(github, issue?.projectId ?? "");
    const done = states.find((state) => state.category === "completed");
    const updated = await host.issues.update(github, issue?.id ?? "", { stateId: done?.id });
    expect(updated.stateId).toBe("st_done");
    expect(published.map((event) => event.type)).toEqual(["issue.updated", "issue.completed"]);
  });
});
