import { createServer } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { createPumbleSimulation, type PumbleSimulationOptions } from "../pumble";
import { type LoopbackOptions, listenOnLoopback } from "./loopback";
import { generateSigningKey } from "./saml/certificate";
import { toRequestListener } from "./web-listener";

export interface PumbleSimulatorOptions extends Omit<PumbleSimulationOptions, "webhookBaseUrl"> {
  /**
   * The host name in the webhook URL; it must be a pumble.com name, as Plugboard accepts Pumble
   * URLs on pumble.com only. Nothing resolves it: whoever posts to it maps it to this loopback
   * server itself (the demo's webhook resolver). Default `simulated.pumble.com`.
   */
  hostname?: string;
  /** Port of the channel page (http). Default 0: a free one. */
  port?: number;
  /** Port of the incoming webhook (https). Default 0: a free one. */
  webhookPort?: number;
  host?: LoopbackOptions["host"];
}

/**
 * Pumble on loopback, as two listeners over one simulation: the incoming webhook on https (the
 * only scheme Plugboard accepts for it) with a certificate made at start for `hostname`, which
 * the poster must trust (`certificate`), and the channel page on plain http for a browser.
 */
export async function startPumbleSimulator({
  hostname = "simulated.pumble.com",
  port = 0,
  webhookPort = 0,
  host,
  ...options
}: PumbleSimulatorOptions = {}) {
  const { privateKey, certificate } = generateSigningKey(hostname, 30);
  let simulation: ReturnType<typeof createPumbleSimulation> | undefined;
  let pageOrigin = "";
  const handle = (request: Request) =>
    (simulation as ReturnType<typeof createPumbleSimulation>).handle(request);
  const webhookServer = await listenOnLoopback(
    createHttpsServer(
      { key: privateKey, cert: certificate },
      toRequestListener(handle, () => `https://${hostname}`),
    ),
    { port: webhookPort, ...(host ? { host } : {}) },
  );
  const pageServer = await listenOnLoopback(
    createServer(toRequestListener(handle, () => pageOrigin)),
    { port, ...(host ? { host } : {}) },
  );
  pageOrigin = pageServer.origin;
  simulation = createPumbleSimulation({
    ...options,
    webhookBaseUrl: `https://${hostname}:${webhookServer.port}`,
  });
  return {
    /** The channel page's origin (http). */
    origin: pageServer.origin,
    /** The channel page: what the webhook posted. */
    channelUrl: `${pageServer.origin}/simulator/pumble`,
    hostname,
    /** Where `hostname` really is. */
    address: webhookServer.server.address() as { address: string },
    /** The incoming webhook's certificate (PEM), for the poster to trust. */
    certificate,
    simulation,
    close: () => Promise.all([webhookServer.close(), pageServer.close()]).then(() => undefined),
  };
}

export type PumbleSimulatorServer = Awaited<ReturnType<typeof startPumbleSimulator>>;
