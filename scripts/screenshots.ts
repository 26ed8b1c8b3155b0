/**
 * `npm run screenshots`: PNGs of every component at 390 and 1280 px wide, on a light and a dark
 * host page, so a reviewer can look without running the demo. Builds the static Storybook and
 * the demo (skip with `--no-build` to reuse storybook-static/ and the demo's dist/), serves the
 * Storybook on loopback, and opens each story tagged `screenshot` in headless Chromium after its
 * play function has finished. Then starts the demo on a fresh data directory and takes its whole
 * settings page, which follows the OS theme, with a light and a dark OS.
 * `--only=slack,account-links` keeps the stories whose id contains one of those words.
 * Output: screenshots/<story id>--<theme>-<width>.png and demo-settings--<theme>-<width>.png
 * (gitignored).
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright";
import { chromiumLaunchOptions } from "../vitest.shared.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const staticDir = path.join(root, "storybook-static");
const outDir = path.join(root, "screenshots");
const widths = [390, 1280];
const themes = ["light", "dark"] as const;
const types: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
};

interface IndexEntry {
  id: string;
  type: string;
  tags?: string[];
}

if (!process.argv.includes("--no-build")) {
  execFileSync("npx", ["storybook", "build", "--quiet", "-o", staticDir], {
    cwd: root,
    stdio: "inherit",
  });
  execFileSync(
    "npx",
    [
      "turbo",
      "run",
      "build",
      "--filter=@plugboard/example-host-app...",
      "--output-logs=errors-only",
    ],
    { cwd: root, stdio: "inherit", env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" } },
  );
}

// A plain static server: the msw service worker needs the page's own origin.
const server = createServer(async (request, response) => {
  const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
  const file = path.join(staticDir, pathname.endsWith("/") ? `${pathname}index.html` : pathname);
  if (!file.startsWith(staticDir)) return void response.writeHead(403).end();
  try {
    const body = await readFile(file);
    response.writeHead(200, {
      "content-type": types[path.extname(file)] ?? "application/octet-stream",
    });
    response.end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const index = JSON.parse(await readFile(path.join(staticDir, "index.json"), "utf8")) as {
  entries: Record<string, IndexEntry>;
};
const only = process.argv
  .find((arg) => arg.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");
const stories = Object.values(index.entries).filter(
  (entry) =>
    entry.type === "story" &&
    entry.tags?.includes("screenshot") &&
    (!only || only.some((word) => entry.id.includes(word))),
);

// A partial run keeps the other stories' shots.
if (only === undefined) await rm(outDir, { recursive: true, force: true });
await mkdir(outDir, { recursive: true });
const browser = await chromium.launch(chromiumLaunchOptions);
const failures: string[] = [];
try {
  for (const theme of themes) {
    // The OS preference opposite to the page's: the components must follow the host, not the OS.
    const context = await browser.newContext({
      colorScheme: theme === "dark" ? "light" : "dark",
    });
    // Stories whose play opens a popup must not reach the network.
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    const page = await context.newPage();
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      for (const story of stories) {
        await page.goto(
          `${origin}/iframe.html?id=${story.id}&viewMode=story&globals=theme:${theme}`,
        );
        // The story is done when Storybook's render reached its last phase (play included).
        const phase = await page
          .waitForFunction(
            () => {
              const preview = (
                globalThis as {
                  __STORYBOOK_PREVIEW__?: { storyRenders?: { phase?: string }[] };
                }
              ).__STORYBOOK_PREVIEW__;
              const current = preview?.storyRenders?.at(-1)?.phase;
              return ["completed", "finished", "errored", "aborted"].includes(current ?? "")
                ? current
                : false;
            },
            undefined,
            { timeout: 30_000 },
          )
          .then((handle) => handle.jsonValue());
        if (phase === "errored" || phase === "aborted") failures.push(`${story.id}: ${phase}`);
        const file = path.join(outDir, `${story.id}--${theme}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true, animations: "disabled" });
        console.log(path.relative(root, file));
      }
    }
    await context.close();
  }
  await screenshotDemo();
} finally {
  await browser.close();
  server.close();
}

/** The demo as `npm run demo` serves it, on a free port and a throwaway data directory. */
async function screenshotDemo() {
  const dataDir = await mkdtemp(path.join(tmpdir(), "plugboard-screenshots-"));
  const demo = spawn(process.execPath, ["examples/host-app/dist/server/main.js"], {
    cwd: root,
    env: { ...process.env, PORT: "0", DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    const demoOrigin = await new Promise<string>((resolve, reject) => {
      let output = "";
      demo.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const found = /Plugboard demo host app: (\S+)/.exec(output);
        if (found?.[1]) resolve(found[1]);
      });
      demo.once("exit", (code) => reject(new Error(`The demo exited (${code}) before listening`)));
    });
    for (const theme of themes) {
      const context = await browser.newContext({ colorScheme: theme });
      const page = await context.newPage();
      for (const width of widths) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${demoOrigin}/settings`);
        // Loaded when the gallery has its cards and no component is busy or loading any more.
        await page.getByRole("article", { name: "Pumble" }).waitFor();
        await page.waitForFunction(
          () => !document.querySelector('[aria-busy="true"], [data-state="loading"]'),
        );
        const file = path.join(outDir, `demo-settings--${theme}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true, animations: "disabled" });
        console.log(path.relative(root, file));
      }
      await context.close();
    }
  } finally {
    demo.kill("SIGTERM");
    await rm(dataDir, { recursive: true, force: true });
  }
}
if (failures.length > 0) {
  console.error(`Stories that did not finish cleanly:\n${failures.join("\n")}`);
  process.exitCode = 1;
}
