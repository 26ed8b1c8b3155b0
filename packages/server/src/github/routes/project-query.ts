import { PlugboardError } from "@plugboard/core";

/** The required `?projectId=` of the GitHub list routes. */
export function projectIdOf(request: Request): string {
  const projectId = new URL(request.url).searchParams.get("projectId");
  if (!projectId) {
    throw new PlugboardError({
      code: "validation_failed",
      detail: "Say which project with ?projectId=",
      errors: [{ path: "projectId", message: "Required" }],
    });
  }
  return projectId;
}
