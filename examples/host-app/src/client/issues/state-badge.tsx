import type { HostWorkflowState } from "@plugboard/core";

/** A state's name, coloured by its category (done reads as done in any theme). */
export function StateBadge({ state }: { state: HostWorkflowState | undefined }) {
  return (
    <span className="host-badge" data-category={state?.category ?? "unknown"}>
      {state?.name ?? "Unknown"}
    </span>
  );
}
