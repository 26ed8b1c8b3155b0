import { descriptionOf } from "@plugboard/provider-simulators";
import { describe, expect, it } from "vitest";
import { adfToMarkdown } from "./adf-to-markdown";

const doc = (...content: unknown[]) => ({ type: "doc", version: 1, content });
const text = (value: string, marks?: unknown[]) => ({ type: "text", text: value, marks });
const p = (...content: unknown[]) => ({ type: "paragraph", content });

describe("ADF to Markdown", () => {
  it("keeps marks, links and mentions, escaping what Markdown would misread", () => {
    const markdown = adfToMarkdown(
      doc(
        p(
          text("Ask "),
          { type: "mention", attrs: { id: "acc-1", text: "@Ada Lovelace" } },
          text(" about "),
          text("the spec", [{ type: "link", attrs: { href: "https://example.com/spec" } }]),
          text(", "),
          text("bold", [{ type: "strong" }]),
          text(" and "),
          text("x*y", [{ type: "code" }]),
          text(" not *stars*"),
        ),
      ),
    );
    expect(markdown).toBe(
      "Ask @Ada Lovelace about [the spec](https://example.com/spec), **bold** and `x*y` not \\*stars\\*",
    );
  });

  it("names mentions through the host's users when asked", () => {
    const markdown = adfToMarkdown(
      doc(p({ type: "mention", attrs: { id: "acc-1", text: "@Ada" } })),
      {
        mentionName: (id) => (id === "acc-1" ? "ada (host)" : id),
      },
    );
    expect(markdown).toBe("@ada (host)");
  });

  it("writes code blocks with their language, nested lists and headings", () => {
    const markdown = adfToMarkdown(
      doc(
        { type: "heading", attrs: { level: 2 }, content: [text("Steps")] },
        {
          type: "orderedList",
          content: [
            {
              type: "listItem",
              content: [
                p(text("first")),
                {
                  type: "bulletList",
                  content: [{ type: "listItem", content: [p(text("inner"))] }],
                },
              ],
            },
            { type: "listItem", content: [p(text("second"))] },
          ],
        },
        { type: "codeBlock", attrs: { language: "ts" }, content: [text("const a = 1;\nlog(a);")] },
      ),
    );
    expect(markdown).toBe(
      "## Steps\n\n1. first\n  - inner\n2. second\n\n```ts\nconst a = 1;\nlog(a);\n```",
    );
  });

  it("turns tables into Markdown tables, pipes escaped", () => {
    const cell = (type: string, value: string) => ({ type, content: [p(text(value))] });
    const markdown = adfToMarkdown(
      doc({
        type: "table",
        content: [
          {
            type: "tableRow",
            content: [cell("tableHeader", "Metric"), cell("tableHeader", "Value")],
          },
          { type: "tableRow", content: [cell("tableCell", "a|b"), cell("tableCell", "400 km")] },
        ],
      }),
    );
    expect(markdown).toBe("| Metric | Value |\n| --- | --- |\n| a\\|b | 400 km |");
  });

  it("keeps the text of nodes it does not know, and reads plain strings as they are", () => {
    expect(adfToMarkdown(doc({ type: "futureNode", content: [p(text("kept"))] }))).toBe("kept");
    expect(adfToMarkdown("already text")).toBe("already text");
    expect(adfToMarkdown(null)).toBe("");
  });

  it("converts the simulator's seeded descriptions whole", () => {
    const markdown = adfToMarkdown(descriptionOf(15));
    expect(markdown).toContain("[the spec](https://example.com/spec)");
    expect(markdown).toContain("- first step");
    expect(markdown).toContain("```ts\nconst orbit = 15;");
  });
});
