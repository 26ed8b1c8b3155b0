import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";
import { chromiumLaunchOptions, sourceConditions } from "../vitest.shared.ts";

const configDir = path.dirname(fileURLToPath(import.meta.url));

/**
 * The OS preference is always the opposite of the host page's theme (VITE_PB_STORY_THEME), so
 * every story is checked where the theming contract matters: a light page on a dark OS, and a
 * dark page on a light OS. A component that followed the OS would fail axe's contrast check.
 */
const osColorScheme = process.env.VITE_PB_STORY_THEME === "dark" ? "light" : "dark";

/**
 * The components' dependencies, bundled by Vite before the first story runs. Components, dialogs
 * and wizard steps load lazily, so Vite would otherwise meet a dependency (Radix Checkbox in a
 * Jira step) only mid-run, re-bundle, reload the page and fail the story that was running.
 */
const reactPackage = JSON.parse(
  readFileSync(path.join(configDir, "../packages/react/package.json"), "utf8"),
) as { dependencies: Record<string, string> };
const componentDependencies = Object.keys(reactPackage.dependencies).filter(
  (name) => !name.startsWith("@plugboard/"),
);

/**
 * Runs every story's play function as a test in real headless Chromium. The plugin finds the
 * stories from .storybook/main.ts and applies .storybook/preview.tsx itself (no setup file).
 */
export default defineConfig({
  ...sourceConditions,
  plugins: [storybookTest({ configDir })],
  optimizeDeps: { include: componentDependencies },
  test: {
    name: "storybook",
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: chromiumLaunchOptions,
        contextOptions: { colorScheme: osColorScheme },
      }),
      instances: [{ browser: "chromium" }],
    },
  },
});
