import { createServer, type RequestListener, type Server } from "node:http";
import type { Server as HttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { Server as TlsServer } from "node:tls";

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>` (`https://` for an https server). */
  origin: string;
  port: number;
  server: Server | HttpsServer;
  /** Stops listening and drops keep-alive connections, which would otherwise hold it open. */
  close(): Promise<void>;
}

export interface LoopbackOptions {
  /** Default 0: a free port, so tests and parallel test files never collide. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

/**
 * The one way this repository listens on loopback: tests' receivers, the provider simulators and
 * the demo's servers. Takes a request listener or a ready http/https server.
 */
export async function listenOnLoopback(
  listener: RequestListener | Server | HttpsServer,
  { port = 0, host = "127.0.0.1" }: LoopbackOptions = {},
): Promise<LoopbackServer> {
  const server = typeof listener === "function" ? createServer(listener) : listener;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  const scheme = server instanceof TlsServer ? "https" : "http";
  return {
    origin: `${scheme}://${host}:${bound}`,
    port: bound,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
