import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import react from "@vitejs/plugin-react";
import { chromium } from "playwright";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumLaunchOptions } from "../../../vitest.shared.ts";
import { createPackedApp, type PackedApp, published, repoRoot } from "./packed-app";
import { writeQuickStarts } from "./quick-start";
import { readmeBlock, readmeBlocks } from "./readme-blocks";

const exec = promisify(execFile);
let app: PackedApp;
let programs: Awaited<ReturnType<typeof writeQuickStarts>>;

beforeAll(async () => {
  const started = performance.now();
  app = await createPackedApp();
  programs = await writeQuickStarts(app.dir);
  console.log(`packed and installed in ${Math.round(performance.now() - started)} ms: ${app.dir}`);
});

afterAll(async () => {
  if (app) await rm(join(app.dir, ".."), { recursive: true, force: true });
});

/** A port nobody listens on, for the quick start's `PORT`. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Runs a program of the packed app in a folder of its own (the quick start's SQLite file). */
async function runQuickStart(
  program: string,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
) {
  const cwd = join(app.dir, `run-${randomBytes(4).toString("hex")}`);
  await mkdir(cwd);
  return exec(process.execPath, [...nodeArgs, program], {
    cwd,
    env: {
      ...process.env,
      PORT: String(await freePort()),
      PLUGBOARD_KEY_1: randomBytes(32).toString("base64"),
      ...env,
    },
    timeout: 60_000,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

const expectedRun = {
  integrations: ["github", "slack", "google-calendar", "pumble", "jira"],
  webhook: { signed: true, type: "issue.created" },
  apiKeyValid: true,
};

describe("the root README's backend quick start, from the packed tarballs", () => {
  it("runs as an ES module: a request through the client, a signed webhook, an API key", async () => {
    const result = await runQuickStart(programs.esm);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual(expectedRun);
  });

  it("runs as CommonJS (require of server, node, sqlite and client)", async () => {
    const result = await runQuickStart(programs.cjs);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual(expectedRun);
  });

  it("refuses, in so many words, a Node without require() of ES modules", async () => {
    const result = await runQuickStart(programs.cjs, {}, ["--no-experimental-require-module"]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(
      "@plugboard/server's CommonJS build needs Node ^20.19 or >=22.12",
    );
  });

  it("names a malformed encryption key and the fix", async () => {
    const result = await runQuickStart(programs.esm, { PLUGBOARD_KEY_1: "not a key" });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(
      "encryption.keys.k1 is not 32 bytes of base64 — generate one with generateEncryptionKey()",
    );
  });
});

describe("the packed packages", () => {
  it.each(published)("%s: engines say the Node versions its builds run on", async (name) => {
    const manifest = JSON.parse(
      await readFile(join(app.dir, "node_modules/@plugboard", name, "package.json"), "utf8"),
    );
    // Every build is tested on 20.19+; the server's CommonJS build needs require() of ES modules.
    expect(manifest.engines.node).toBe(name === "server" ? "^20.19.0 || >=22.12.0" : ">=20.19");
  });

  it.each(published)("%s: ships the MIT LICENSE", async (name) => {
    expect(app.files[name].map((file) => file.path)).toContain("LICENSE");
    const license = await readFile(
      join(app.dir, "node_modules/@plugboard", name, "LICENSE"),
      "utf8",
    );
    expect(license).toBe(await readFile(join(repoRoot, "LICENSE"), "utf8"));
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} Plugboard contributors\n/);
  });

  it.each(published)(
    "%s: ships its sources once (maps point at src/, no test files)",
    async (name) => {
      const paths = app.files[name].map((file) => file.path);
      const maps = paths.filter((path) => path.endsWith(".map"));
      expect(maps.length).toBeGreaterThan(0);
      for (const map of maps) {
        const content = JSON.parse(
          await readFile(join(app.dir, "node_modules/@plugboard", name, map), "utf8"),
        );
        expect(content.sourcesContent, map).toBeUndefined();
        for (const source of content.sources as string[]) {
          expect(paths, `${map} points at ${source}`).toContain(join(map, "..", source));
        }
      }
      expect(paths.filter((path) => /\.(test|stories|fixture)\.|test-/.test(path))).toEqual([]);
      console.log(`${name}: ${(app.tarballBytes[name] / 1024).toFixed(0)} kB packed`);
    },
  );
});

describe("the READMEs' TypeScript blocks", () => {
  it("compile with strict settings against the packed types", async () => {
    const blocks = await readmeBlocks();
    const dir = join(app.dir, "readme");
    await mkdir(dir, { recursive: true });
    for (const block of blocks) {
      const name = `${block.readme.replace(/\W+/g, "-")}-${block.index}.${block.language}`;
      await writeFile(
        join(dir, name),
        `// ${block.readme}, TypeScript block ${block.index} ("${block.section}")\n${block.code}\nexport {};\n`,
      );
    }
    const tsc = join(repoRoot, "node_modules/typescript/bin/tsc");
    const result = await exec(process.execPath, [tsc, "-p", app.dir], { cwd: app.dir }).then(
      () => "",
      (error: { stdout: string }) => error.stdout,
    );
    expect(result).toBe("");
    expect(blocks.length).toBeGreaterThan(15);
  }, 180_000); // ~25 s alone; several times that while the rest of npm test runs beside it
});

describe("the root README's front-end quick start", () => {
  it("renders the gallery, webhooks and API keys in Chromium, served by the backend quick start", async () => {
    const { code } = await readmeBlock("README.md", "Quick start: front end (React)");
    await mkdir(join(app.dir, "readme"), { recursive: true });
    await writeFile(join(app.dir, "readme/frontend-quick-start.tsx"), code);
    const outDir = join(app.dir, "static");
    await build({
      root: app.dir,
      configFile: false,
      logLevel: "error",
      plugins: [react()],
      build: { outDir, emptyOutDir: true },
    });

    const port = await freePort();
    const server = spawn(process.execPath, [programs.serve], {
      cwd: app.dir,
      env: {
        ...process.env,
        PORT: String(port),
        STATIC_DIR: outDir,
        PLUGBOARD_KEY_1: randomBytes(32).toString("base64"),
      },
    });
    let stderr = "";
    server.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk;
    });
    const ready = new Promise<void>((resolve, reject) => {
      server.stdout.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("ready")) resolve();
      });
      server.once("exit", (code) =>
        reject(new Error(`the quick start exited (${code}): ${stderr}`)),
      );
    });
    const browser = await chromium.launch(chromiumLaunchOptions);
    try {
      await ready;
      const origin = `http://127.0.0.1:${port}`;
      const context = await browser.newContext();
      await context.addCookies([{ name: "session", value: "ada", url: origin }]);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.stack ?? error.message));
      await page.goto(origin);

      try {
        await page.getByRole("heading", { name: "GitHub" }).waitFor();
        await page
          .getByRole("button", { name: /add endpoint|add webhook/i })
          .first()
          .waitFor();
        await page
          .getByRole("button", { name: /create api key/i })
          .first()
          .waitFor();
      } catch (error) {
        // What the page showed instead, so a failure says why.
        const text = (await page.locator("body").textContent()) ?? "";
        throw new Error(
          `${String(error)}\npage: ${text.slice(0, 2000)}\nerrors: ${errors.join("; ")}\nserver: ${stderr}`,
        );
      }
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      if (server.exitCode === null) {
        await new Promise((resolve) => {
          server.once("exit", resolve);
          server.kill();
        });
      }
    }
  });
});
