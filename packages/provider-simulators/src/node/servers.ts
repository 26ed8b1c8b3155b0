import { createServer } from "node:http";
import { createGitHubSimulation, type GitHubSimulationOptions } from "../github";
import { createGoogleSimulation, type GoogleSimulationOptions } from "../google";
import { createJiraSimulation, type JiraSimulationOptions } from "../jira";
import { createSlackSimulation, type SlackSimulationOptions } from "../slack";
import { type LoopbackOptions, listenOnLoopback } from "./loopback";
import { toRequestListener } from "./web-listener";

export interface SimulatorServer<Simulation> {
  /** Where the simulator listens, e.g. `http://127.0.0.1:4100`. */
  origin: string;
  /** The simulation it serves: the same state the msw form exposes (`approve`, `issued`, …). */
  simulation: Simulation;
  close(): Promise<void>;
}

/**
 * Listens first (the port may be 0: any free one), then builds the simulation with its base URLs
 * on the origin it got, so every URL it hands out (consent links, `Link` paging, `html_url`)
 * points back at this server.
 */
async function serve<Simulation extends { handle(request: Request): Promise<Response> }>(
  listen: LoopbackOptions,
  create: (origin: string) => Simulation,
): Promise<SimulatorServer<Simulation>> {
  let simulation: Simulation | undefined;
  let origin = "";
  const server = createServer(
    toRequestListener(
      (request) => (simulation as Simulation).handle(request),
      () => origin,
    ),
  );
  const loopback = await listenOnLoopback(server, listen);
  origin = loopback.origin;
  simulation = create(origin);
  return { origin, simulation, close: loopback.close };
}

/**
 * GitHub on a loopback server: OAuth and its consent page at `{origin}/login/oauth/…`, the REST
 * API at `{origin}/api`, and each repository's pull requests at `{origin}/{owner}/{repo}/pulls`.
 */
export function startGitHubSimulator(
  options: Omit<GitHubSimulationOptions, "baseUrl" | "apiBaseUrl"> & LoopbackOptions = {},
) {
  const { port, host, ...simulation } = options;
  return serve({ port, host }, (origin) =>
    createGitHubSimulation({ ...simulation, baseUrl: origin, apiBaseUrl: `${origin}/api` }),
  );
}

/** Slack on a loopback server: the consent page at `{origin}/oauth/v2/authorize`, the Web API at `{origin}/api`. */
export function startSlackSimulator(
  options: Omit<SlackSimulationOptions, "baseUrl"> & LoopbackOptions = {},
) {
  const { port, host, ...simulation } = options;
  return serve({ port, host }, (origin) =>
    createSlackSimulation({ ...simulation, baseUrl: origin }),
  );
}

/**
 * Google on a loopback server: consent at `{origin}/o/oauth2/v2/auth`, `{origin}/token`,
 * `{origin}/revoke` and `{origin}/v1/userinfo`; the Calendar API at `{origin}/calendar/v3` and a
 * week view of a calendar at `{origin}/calendar/week?calendar=…`.
 */
export function startGoogleSimulator(
  options: Omit<
    GoogleSimulationOptions,
    "accountsBaseUrl" | "oauth2BaseUrl" | "openIdBaseUrl" | "calendarBaseUrl"
  > &
    LoopbackOptions = {},
) {
  const { port, host, ...simulation } = options;
  return serve({ port, host }, (origin) =>
    createGoogleSimulation({
      ...simulation,
      accountsBaseUrl: origin,
      oauth2BaseUrl: origin,
      openIdBaseUrl: origin,
      calendarBaseUrl: `${origin}/calendar/v3`,
    }),
  );
}

/** Jira Cloud on a loopback server: the REST API at `{origin}/rest/api/3`, the project page at `/`. */
export function startJiraSimulator(
  options: Omit<JiraSimulationOptions, "baseUrl"> & LoopbackOptions = {},
) {
  const { port, host, ...simulation } = options;
  return serve({ port, host }, (origin) =>
    createJiraSimulation({ ...simulation, baseUrl: origin }),
  );
}
