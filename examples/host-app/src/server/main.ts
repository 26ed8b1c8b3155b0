import { fileURLToPath } from "node:url";
import { createHostApp } from "./app";

const dataDir = process.env.DATA_DIR ?? fileURLToPath(new URL("../../data", import.meta.url));
const clientDir = fileURLToPath(new URL("../client", import.meta.url));
const port = Number(process.env.PORT ?? 3000);

const { app, close } = await createHostApp({ dataDir, clientDir });
const server = app.listen(port, () => {
  console.log(`Plugboard demo host app: http://localhost:${port}`);
  console.log(`  SQLite store in ${dataDir}`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close(() => void close().then(() => process.exit(0)));
  });
}
