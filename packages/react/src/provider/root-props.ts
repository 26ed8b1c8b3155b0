import { usePlugboard } from "./plugboard-provider";

/** Joins class names, skipping empty ones. */
export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(" ");
}

/** Props for a component's outermost element: the theme root that scopes every --pb-* variable. */
export function useRootProps(className: string, extra?: string) {
  const { theme } = usePlugboard();
  return { className: cx("pb-root", className, extra), "data-pb-theme": theme };
}

/** The root's props while its data loads: busy, named for what is coming, `data-state="loading"`. */
export function loadingProps(label: string) {
  return { "aria-busy": true, "aria-label": label, "data-state": "loading" } as const;
}
