import type { Configuration, CustomFetch, ExportedJWKSCache, ServerMetadata } from "openid-client";
import type { ResolvedSsoOptions } from "../options";
import { SsoRefusal } from "../refusal";
import type { OidcSettings } from "../store/types";

const discoveryTtlMs = 3_600_000;

/**
 * openid-client configurations per connection. Discovery is cached for an hour; the JWKS cache is
 * kept per connection and handed back older than openid-client's 60 s cooldown, so an ID token
 * signed with a key it has not seen (a rotation) makes it fetch the keys again at once.
 */
export function createOidcClients(options: ResolvedSsoOptions, now: () => number) {
  // openid-client's bodies are BodyInit at runtime; its type is wider (Uint8Array of any buffer).
  const customFetch = options.fetch as unknown as CustomFetch;
  const discovered = new Map<string, { metadata: ServerMetadata; at: number }>();
  const jwks = new Map<string, ExportedJWKSCache>();

  async function configuration(
    connectionId: string,
    settings: OidcSettings,
    clientSecret: string,
  ): Promise<Configuration> {
    const client = await import("openid-client");
    const key = `${connectionId}\n${settings.issuer}`;
    let cached = discovered.get(key);
    if (!cached || now() - cached.at > discoveryTtlMs) {
      try {
        const found = await client.discovery(
          new URL(settings.issuer),
          settings.clientId,
          clientSecret,
          undefined,
          {
            [client.customFetch]: customFetch,
            ...(options.allowHttp ? { execute: [client.allowInsecureRequests] } : {}),
          },
        );
        cached = { metadata: found.serverMetadata(), at: now() };
        discovered.set(key, cached);
      } catch {
        throw new SsoRefusal(
          "discovery_failed",
          `The OpenID provider's discovery at ${settings.issuer} could not be read`,
          502,
        );
      }
    }
    const config = new client.Configuration(cached.metadata, settings.clientId, clientSecret);
    config[client.customFetch] = customFetch;
    config.timeout = 10;
    if (options.allowHttp) client.allowInsecureRequests(config);
    // Checks the ID token's signature against the JWKS (openid-client skips it otherwise: the
    // token came straight from the token endpoint over TLS, but Plugboard wants the proof).
    client.enableNonRepudiationChecks(config);
    const keys = jwks.get(connectionId);
    if (keys) {
      // oauth4webapi times its cache by the real clock.
      const cooledDown = Math.floor(Date.now() / 1000) - 60;
      client.setJwksCache(config, { ...keys, uat: Math.min(keys.uat, cooledDown) });
    }
    return config;
  }

  async function remember(connectionId: string, config: Configuration) {
    const client = await import("openid-client");
    const keys = client.getJwksCache(config);
    if (keys) jwks.set(connectionId, keys);
  }

  return { configuration, remember };
}

export type OidcClients = ReturnType<typeof createOidcClients>;
