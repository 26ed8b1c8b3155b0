import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

export const run = promisify(execFile);

export const repoRoot = resolve(import.meta.dirname, "../../..");
export const published = ["core", "server", "client", "react"] as const;

export interface PackedFile {
  path: string;
  size: number;
}

export interface PackedApp {
  /** The app's folder, under the OS temp dir: nothing of the monorepo resolves from it. */
  dir: string;
  /** What each tarball holds, by package folder name. */
  files: Record<(typeof published)[number], PackedFile[]>;
  tarballBytes: Record<(typeof published)[number], number>;
}

/**
 * `npm pack`s every published package (they must be built) and installs the tarballs into a new
 * app outside the monorepo, beside the libraries a host brings (versions from the root's
 * devDependencies, so npm's cache from `npm ci` has them).
 */
export async function createPackedApp(): Promise<PackedApp> {
  const dir = await mkdtemp(join(tmpdir(), "plugboard-consumer-"));
  const tarballs = join(dir, "tarballs");
  await mkdir(tarballs);
  const { stdout } = await run(
    "npm",
    [
      "pack",
      "--json",
      "--pack-destination",
      tarballs,
      ...published.flatMap((name) => ["--workspace", `packages/${name}`]),
    ],
    { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 },
  );
  const packs = JSON.parse(stdout) as {
    name: string;
    filename: string;
    size: number;
    files: PackedFile[];
  }[];
  const byFolder = (name: string) => name.replace("@plugboard/", "") as (typeof published)[number];

  const root = JSON.parse(await readFile(join(repoRoot, "package.json"), "utf8"));
  const hostLibraries = [
    "express",
    "react",
    "react-dom",
    "@types/express",
    "@types/react",
    "@types/react-dom",
    "@types/node",
    "@types/better-sqlite3",
  ];
  const app = join(dir, "app");
  await mkdir(app);
  await writeFile(
    join(app, "package.json"),
    JSON.stringify(
      {
        name: "consumer-app",
        private: true,
        type: "module",
        dependencies: {
          ...Object.fromEntries(
            packs.map((pack) => [pack.name, `file:${join(tarballs, pack.filename)}`]),
          ),
          ...Object.fromEntries(
            hostLibraries.map((name) => [name, root.devDependencies[name] as string]),
          ),
        },
      },
      null,
      2,
    ),
  );
  await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"], {
    cwd: app,
    maxBuffer: 64 * 1024 * 1024,
  });
  // better-sqlite3 compiles from source (~1.5 min here): borrow the monorepo's built copy. It
  // resolves its own dependencies from where it really lives.
  await symlink(
    join(repoRoot, "node_modules/better-sqlite3"),
    join(app, "node_modules/better-sqlite3"),
    "dir",
  );
  await cp(join(import.meta.dirname, "../app"), app, { recursive: true });

  const files = {} as PackedApp["files"];
  const tarballBytes = {} as PackedApp["tarballBytes"];
  for (const pack of packs) {
    files[byFolder(pack.name)] = pack.files;
    tarballBytes[byFolder(pack.name)] = pack.size;
  }
  return { dir: app, files, tarballBytes };
}
