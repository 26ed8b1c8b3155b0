import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { published, repoRoot } from "./packed-app";

export interface ReadmeBlock {
  /** e.g. `packages/server/README.md` */
  readme: string;
  /** 1-based position among the README's TypeScript blocks. */
  index: number;
  /** The heading the block sits under. */
  section: string;
  language: "ts" | "tsx";
  code: string;
}

/** Opts a block out of the type-check; say why in the README beside it. Use sparingly. */
const skipMarker = "<!-- consumer-test: skip -->";

/** The READMEs a host reads: the root one and each published package's. */
export const readmes = ["README.md", ...published.map((name) => `packages/${name}/README.md`)];

export async function readmeBlocks(): Promise<ReadmeBlock[]> {
  const blocks: ReadmeBlock[] = [];
  for (const readme of readmes) {
    const text = await readFile(join(repoRoot, readme), "utf8");
    let section = "";
    let index = 0;
    const pattern =
      /^(#{1,6} .*)$|(<!-- consumer-test: skip -->\s*\n)?^```(tsx?)\n([\s\S]*?)^```$/gm;
    for (const match of text.matchAll(pattern)) {
      if (match[1]) {
        section = match[1].replace(/^#+ /, "");
        continue;
      }
      index += 1;
      if (match[2]?.includes(skipMarker)) continue;
      blocks.push({
        readme,
        index,
        section,
        language: match[3] as "ts" | "tsx",
        code: match[4] ?? "",
      });
    }
  }
  return blocks;
}

/** The one block a section holds (the quick starts). */
export async function readmeBlock(readme: string, section: string): Promise<ReadmeBlock> {
  const found = (await readmeBlocks()).filter(
    (block) => block.readme === readme && block.section === section,
  );
  if (found.length !== 1) {
    throw new Error(`${readme} should have one TypeScript block under "${section}"`);
  }
  return found[0] as ReadmeBlock;
}
