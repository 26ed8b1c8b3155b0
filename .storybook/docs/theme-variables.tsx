import { useEffect, useRef, useState } from "react";
import "../../packages/react/src/styles.css";

interface Row {
  name: string;
  light: string;
  dark: string;
}

/** Reads a `--pb-*` value as a theme root of that theme computes it. */
function read(root: HTMLElement, name: string): string {
  return getComputedStyle(root).getPropertyValue(name).trim();
}

/**
 * Every `--pb-*` variable of styles.css with its light and dark value, read from the stylesheet
 * itself (two hidden theme roots), so this table can never drift from the CSS.
 */
export function ThemeVariables() {
  const light = useRef<HTMLDivElement>(null);
  const dark = useRef<HTMLDivElement>(null);
  const [rows, setRows] = useState<Row[]>([]);
  useEffect(() => {
    if (!light.current || !dark.current) return;
    const names = new Set<string>();
    for (const sheet of document.styleSheets) {
      let rules: CSSRuleList;
      try {
        rules = sheet.cssRules;
      } catch {
        continue;
      }
      for (const rule of rules) {
        if (!(rule instanceof CSSStyleRule) || !rule.selectorText.includes(".pb-root")) continue;
        for (const property of rule.style) if (property.startsWith("--pb-")) names.add(property);
      }
    }
    const lightRoot = light.current;
    const darkRoot = dark.current;
    setRows(
      [...names].map((name) => ({
        name,
        light: read(lightRoot, name),
        dark: read(darkRoot, name),
      })),
    );
  }, []);
  return (
    <>
      <div ref={light} className="pb-root" data-pb-theme="light" hidden />
      <div ref={dark} className="pb-root" data-pb-theme="dark" hidden />
      <table>
        <thead>
          <tr>
            <th>Variable</th>
            <th>Light</th>
            <th>Dark</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name}>
              <td>
                <code>{row.name}</code>
              </td>
              {[
                ["light", row.light],
                ["dark", row.dark],
              ].map(([theme, value]) => (
                <td key={theme}>
                  {/* light-dark() resolves on an element of that theme: show it on one. */}
                  <span
                    className="pb-root"
                    data-pb-theme={theme}
                    style={{
                      display: "inline-flex",
                      alignItems: "center",
                      gap: 8,
                      padding: "2px 8px",
                      borderRadius: 6,
                      // The theme's own background, so its text reads as it would in use.
                      background: "var(--pb-color-bg)",
                    }}
                  >
                    {row.name.startsWith("--pb-color") && (
                      <span
                        aria-hidden="true"
                        style={{
                          width: 16,
                          height: 16,
                          borderRadius: 4,
                          border: "1px solid #8888",
                          background: `var(${row.name})`,
                        }}
                      />
                    )}
                    <code>{value}</code>
                  </span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
