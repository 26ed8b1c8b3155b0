import { fileURLToPath } from "node:url";
import { createHostApp } from "./app";

const dataDir = process.env.DATA_DIR ?? fileURLToPath(new URL("../../data", import.meta.url));
const clientDir = fileURLToPath(new URL("../client", import.meta.url));
const port = Number(process.env.PORT ?? 3000);

const host = await createHostApp({ dataDir, clientDir });
const server = await host.listen(port, process.env.PLUGBOARD_DEMO_HOST);
const page = server.origin.replace("127.0.0.1", "localhost");
console.log(`Plugboard demo host app: ${page}`);
console.log(`  Issues: ${page}/issues`);
console.log(`  SQLite files (plugboard.db, tracker.db) in ${dataDir}`);
for (const [name, url] of Object.entries(host.simulators?.urls() ?? {})) {
  console.log(`  ${name}: ${url}`);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void server
      .close()
      .then(host.close)
      .then(() => process.exit(0));
  });
}
