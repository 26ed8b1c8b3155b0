import type { IncomingMessage } from "node:http";
import type { ProvidersOptions } from "@plugboard/server";
import { createFakeOAuthProvider } from "@plugboard/server/testing";

/**
 * OAuth for the demo. By default (PLUGBOARD_DEMO_FAKE_OAUTH unset or 1) GitHub is a built-in
 * fake served by this app at /fake-oauth, so the install popup works offline. With
 * PLUGBOARD_DEMO_FAKE_OAUTH=0, GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET configure the real one.
 */
export function demoProviders(env = process.env) {
  if (env.PLUGBOARD_DEMO_FAKE_OAUTH === "0") {
    const providers: ProvidersOptions = {};
    if (env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET) {
      providers.github = {
        clientId: env.GITHUB_CLIENT_ID,
        clientSecret: env.GITHUB_CLIENT_SECRET,
        ...(env.GITHUB_WEBHOOK_SECRET ? { webhookSecret: env.GITHUB_WEBHOOK_SECRET } : {}),
      };
    }
    return { providers, fake: null, rememberOrigin: (_req: IncomingMessage) => {} };
  }
  // The fake is reached on loopback at whatever port this server got (known at the first request).
  let port = 0;
  const fake = createFakeOAuthProvider({
    mountPath: "/fake-oauth",
    origin: () => `http://127.0.0.1:${port}`,
  });
  const providers: ProvidersOptions = {
    github: fake.github,
  };
  return {
    providers,
    fake,
    rememberOrigin: (req: IncomingMessage) => {
      port ||= req.socket.localPort ?? 0;
    },
  };
}
