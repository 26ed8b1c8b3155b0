import { errorTable } from "./codes";
import type { Problem } from "./problem";

export const problemContentType = "application/problem+json";

export function problemType(code: string): string {
  return `urn:plugboard:problem:${code}`;
}

/**
 * Whether a parsed body is one of our problems: `problemSchema`'s check without zod, for the
 * browser (the problem tests hold the two to the same answers).
 */
export function isProblem(value: unknown): value is Problem {
  if (typeof value !== "object" || value === null) return false;
  const problem = value as Record<string, unknown>;
  return (
    typeof problem.type === "string" &&
    typeof problem.title === "string" &&
    Number.isInteger(problem.status) &&
    typeof problem.detail === "string" &&
    typeof problem.code === "string" &&
    Object.hasOwn(errorTable, problem.code) &&
    (problem.errors === undefined ||
      (Array.isArray(problem.errors) &&
        problem.errors.every(
          (error: unknown) =>
            typeof error === "object" &&
            error !== null &&
            typeof (error as Record<string, unknown>).path === "string" &&
            typeof (error as Record<string, unknown>).message === "string",
        )))
  );
}
