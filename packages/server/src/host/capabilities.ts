import type { HostCapability, HostPort } from "./port";

/**
 * Fails startup, not the first Slack command, when a configured feature needs part of the host
 * port the host did not give: the message names the feature and every missing capability.
 */
export function requireHostCapabilities(
  host: HostPort | undefined,
  feature: string,
  needed: readonly HostCapability[],
): void {
  const missing = needed.filter((capability) => !hasCapability(host, capability));
  if (missing.length > 0) {
    throw new Error(
      `${feature} needs the host port to implement ${missing.map((name) => `host.${name}`).join(", ")}: pass them in createPlugboard({ host })`,
    );
  }
}

export function hasCapability(host: HostPort | undefined, capability: HostCapability): boolean {
  const [group, method] = capability.split(".") as [keyof HostPort, string];
  const methods = host?.[group] as Record<string, unknown> | undefined;
  return typeof methods?.[method] === "function";
}
