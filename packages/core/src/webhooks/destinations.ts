/**
 * `standard` receives signed Standard Webhooks JSON; `pumble` and `slack` are chat incoming
 * webhooks that receive a readable text message instead (no signature: those services ignore it).
 */
export const webhookDestinations = ["standard", "pumble", "slack"] as const;

/** The hosts a chat destination's URL must be on; the server checks the same table. */
export const webhookDestinationHosts = {
  pumble: /(^|\.)pumble\.com$/,
  slack: /^hooks\.slack\.com$/,
} as const satisfies Record<Exclude<(typeof webhookDestinations)[number], "standard">, RegExp>;
