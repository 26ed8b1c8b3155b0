import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import ts from "typescript";
import { readmeBlock } from "./readme-blocks";

/** The part of the quick start the README leaves to the host: its session lookup. */
const hostSession = `
async function getSession(cookie) {
  // The consumer test's only user: the cookie session=ada is an admin of the organization acme.
  return cookie?.split(/;\\s*/).includes("session=ada")
    ? { userId: "ada", workspaceId: "acme", role: "admin" }
    : null;
}
`;

/**
 * Appended to the README's code, in its scope: what a host does next, through the packed client
 * over real HTTP. A webhook to a receiver on this machine needs the quick start's loopback
 * allowance and its dispatcher.start(); an API key made through the API verifies in a host route.
 */
const check = `
const origin = "http://127.0.0.1:" + process.env.PORT;
const client = createPlugboardClient({
  baseUrl: origin + "/api/plugboard",
  headers: { cookie: "session=ada" },
});
const { data: integrations } = await client.integrations.list();

const { createServer } = process.getBuiltinModule("node:http");
let delivered;
const delivery = new Promise((resolve) => {
  delivered = resolve;
});
const receiver = createServer((req, res) => {
  let body = "";
  req.on("data", (chunk) => {
    body += chunk;
  });
  req.on("end", () => {
    res.end();
    delivered({ signed: String(req.headers["webhook-signature"]).startsWith("v1,"), body });
  });
});
await new Promise((resolve) => receiver.listen(0, "127.0.0.1", resolve));
await client.webhooks.create({ url: "http://127.0.0.1:" + receiver.address().port + "/hook" });
await plugboard.events.publish({
  organizationId: "acme",
  type: "issue.created",
  data: { id: "iss_1", title: "From the consumer test" },
});
let timer;
const webhook = await Promise.race([
  delivery,
  new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error("No webhook delivered in 15 s: does the quick start start the dispatcher?")),
      15_000,
    );
  }),
]);
clearTimeout(timer);

const { secret } = await client.apiKeys.create({ name: "consumer", scopes: ["issues:read"] });
const verified = await plugboard.apiKeys.verify(
  new Request(origin + "/v1/issues", { headers: { authorization: "Bearer " + secret } }),
  { scopes: ["issues:read"] },
);
console.log(
  JSON.stringify({
    integrations: integrations.map((entry) => entry.id),
    webhook: { signed: webhook.signed, type: JSON.parse(webhook.body).type },
    apiKeyValid: verified.valid,
  }),
);
process.exit(0);
`;

/** Serves the front-end bundle beside the API, for the browser check. */
const serveStatic = `
const { readFile } = process.getBuiltinModule("node:fs/promises");
const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };
app.use(async (req, res, next) => {
  const name = req.path === "/" ? "/index.html" : req.path;
  const type = types[name.slice(name.lastIndexOf("."))];
  if (!type || name.includes("..")) return next();
  res.type(type).send(await readFile(process.env.STATIC_DIR + name).catch(() => ""));
});
console.log("ready");
`;

const backendSection = "Quick start: backend (Express)";

/**
 * The root README's backend quick start as runnable programs in the packed app: as an ES module
 * and as CommonJS (TypeScript's own transpiler, the module body in an async function since
 * CommonJS has no top-level await). `then` is what runs after it: the client check or a server.
 */
export async function writeQuickStarts(
  appDir: string,
): Promise<{ esm: string; cjs: string; serve: string }> {
  const { code } = await readmeBlock("README.md", backendSection);
  const transpile = (module: ts.ModuleKind) =>
    ts.transpileModule(code, {
      compilerOptions: { module, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    }).outputText;

  const esm = join(appDir, "quick-start.mjs");
  await writeFile(
    esm,
    `${hostSession}${transpile(ts.ModuleKind.ESNext)}\nimport { createPlugboardClient } from "@plugboard/client";\n${check}`,
  );
  const serve = join(appDir, "quick-start-serve.mjs");
  await writeFile(serve, `${hostSession}${transpile(ts.ModuleKind.ESNext)}\n${serveStatic}`);
  const cjs = join(appDir, "quick-start.cjs");
  await writeFile(
    cjs,
    `(async () => {\n${hostSession}${transpile(ts.ModuleKind.CommonJS)}\nconst { createPlugboardClient } = require("@plugboard/client");\n${check}\n})().catch((error) => {\n  console.error(error);\n  process.exit(1);\n});\n`,
  );
  return { esm, cjs, serve };
}
