import type { z } from "zod";

/**
 * Checks a host's configuration at startup. A wrong option throws one Error listing every
 * problem, each naming the option's path and the fix, instead of failing later deep inside.
 */
export function parseOptions<T>(schema: z.ZodType<T>, value: unknown, path = ""): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const name = [path, ...issue.path.map(String)].filter(Boolean).join(".");
    return name ? `${name} ${issue.message}` : issue.message;
  });
  throw new Error(
    problems.length === 1
      ? `Plugboard option ${problems[0]}`
      : `${problems.length} Plugboard options are wrong:\n- ${problems.join("\n- ")}`,
  );
}
