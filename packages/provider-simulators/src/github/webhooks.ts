/** A webhook GitHub sends to: the URL and the secret set on the repository or organization. */
export interface SimulatedWebhook {
  url: string;
  secret: string;
}

/** One delivery attempt, as GitHub's "Recent Deliveries" lists it. */
export interface SimulatedDelivery {
  /** X-GitHub-Delivery. */
  id: string;
  event: string;
  action: string | null;
  url: string;
  /** The receiver's HTTP status, or null when it could not be reached. */
  status: number | null;
  error: string | null;
}

const encoder = new TextEncoder();

/** X-Hub-Signature-256: `sha256=` and the hex HMAC-SHA256 of the raw body under the secret. */
export async function signGitHubPayload(secret: string, body: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(body)));
  return `sha256=${Array.from(mac, (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}

/** Posts one event to one webhook as GitHub does: JSON body, event and delivery headers, signed. */
export async function deliver(
  hook: SimulatedWebhook,
  event: string,
  payload: Record<string, unknown>,
): Promise<SimulatedDelivery> {
  const id = crypto.randomUUID();
  const body = JSON.stringify(payload);
  const delivery: SimulatedDelivery = {
    id,
    event,
    action: typeof payload.action === "string" ? payload.action : null,
    url: hook.url,
    status: null,
    error: null,
  };
  try {
    const response = await fetch(hook.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "GitHub-Hookshot/simulated",
        "x-github-event": event,
        "x-github-delivery": id,
        "x-hub-signature-256": await signGitHubPayload(hook.secret, body),
      },
      body,
      // GitHub gives a receiver 10 seconds.
      signal: AbortSignal.timeout(10_000),
    });
    delivery.status = response.status;
    await response.body?.cancel();
  } catch (error) {
    delivery.error = error instanceof Error ? error.message : String(error);
  }
  return delivery;
}
