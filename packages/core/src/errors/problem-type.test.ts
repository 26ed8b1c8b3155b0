import { describe, expect, it } from "vitest";
import { problemSchema } from "./problem";
import { isProblem } from "./problem-type";

const problem = {
  type: "urn:plugboard:problem:validation_failed",
  title: "Validation failed",
  status: 400,
  detail: "The request body has invalid fields",
  code: "validation_failed",
  errors: [{ path: "url", message: "Must be an http:// or https:// URL" }],
};

describe("isProblem, the browser's problemSchema", () => {
  it.each([
    ["a problem", problem],
    ["one without field errors", { ...problem, errors: undefined }],
    ["an unknown code", { ...problem, code: "teapot" }],
    ["a fractional status", { ...problem, status: 400.5 }],
    ["a field error without a message", { ...problem, errors: [{ path: "url" }] }],
    ["a missing detail", { ...problem, detail: undefined }],
    ["an inherited code name", { ...problem, code: "toString" }],
    ["null", null],
    ["a string", "Bad Gateway"],
  ])("answers like the schema for %s", (_name, value) => {
    expect(isProblem(value)).toBe(problemSchema.safeParse(value).success);
  });
});
