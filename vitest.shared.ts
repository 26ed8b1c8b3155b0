import { defaultClientConditions, defaultServerConditions } from "vite";

/**
 * Inside the repo, packages resolve each other to their TypeScript source through the
 * `@plugboard/source` export condition, so tests never need a build first.
 */
export const sourceConditions = {
  resolve: { conditions: ["@plugboard/source", ...defaultClientConditions] },
  ssr: { resolve: { conditions: ["@plugboard/source", ...defaultServerConditions] } },
};

/**
 * Debian's Chromium (Playwright's own browser download cannot work on these machines), with the
 * flags it needs to run headless as root on a closed network. CHROMIUM_PATH overrides the path.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};
