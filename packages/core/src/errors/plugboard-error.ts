import { type ErrorCode, errorTable } from "./codes";
import type { FieldError, Problem } from "./problem";
import { problemType } from "./problem-type";

export interface PlugboardErrorInit {
  code: ErrorCode;
  detail?: string;
  /** Defaults to the code's status in the error table. */
  status?: number;
  errors?: FieldError[];
  cause?: unknown;
}

/**
 * The one error type of Plugboard. The server throws it from routes and answers it as
 * problem+json; the client rebuilds it from that answer, so both sides see the same fields.
 */
export class PlugboardError extends Error {
  override readonly name = "PlugboardError";
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail: string;
  readonly errors: FieldError[];

  constructor(init: PlugboardErrorInit) {
    const entry = errorTable[init.code];
    const detail = init.detail ?? entry.title;
    super(detail, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status ?? entry.status;
    this.detail = detail;
    this.errors = init.errors ?? [];
  }

  static fromProblem(problem: Problem): PlugboardError {
    return new PlugboardError({
      code: problem.code,
      status: problem.status,
      detail: problem.detail,
      ...(problem.errors ? { errors: problem.errors } : {}),
    });
  }

  toProblem(): Problem {
    return {
      type: problemType(this.code),
      title: errorTable[this.code].title,
      status: this.status,
      detail: this.detail,
      code: this.code,
      ...(this.errors.length > 0 ? { errors: this.errors } : {}),
    };
  }

  /** The message for one field, for forms. */
  fieldError(path: string): string | undefined {
    return this.errors.find((error) => error.path === path)?.message;
  }
}

export function isPlugboardError(value: unknown): value is PlugboardError {
  return value instanceof PlugboardError;
}
