import { PlugboardError } from "@plugboard/core";
import { createOidcClients, type OidcClients } from "./oidc/client";
import { type ResolvedSsoOptions, resolveSsoOptions, type SsoOptions } from "./options";

export interface SsoRuntime {
  readonly configured: boolean;
  /** Throw a 404 when `createPlugboard` got no `sso` options. */
  readonly options: ResolvedSsoOptions;
  readonly oidc: OidcClients;
}

export function createSsoRuntime(options: SsoOptions | undefined, now: () => number): SsoRuntime {
  if (!options) {
    const missing = (): never => {
      throw new PlugboardError({
        code: "not_found",
        detail: "SSO is not configured: pass createPlugboard({ sso: { onLogin, origin } })",
      });
    };
    return {
      configured: false,
      get options() {
        return missing();
      },
      get oidc() {
        return missing();
      },
    };
  }
  const resolved = resolveSsoOptions(options);
  return { configured: true, options: resolved, oidc: createOidcClients(resolved, now) };
}
