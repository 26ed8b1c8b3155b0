/**
 * The sending side of the HTTPS pinning test, in a process of its own so it can be started with
 * NODE_EXTRA_CA_CERTS (Node reads it only at start-up). It saves an endpoint for
 * PLUGBOARD_ENDPOINT_URL, sends the test message through the built-in (pinned) transport and
 * prints `{ attempt, resolved }` as JSON on stdout: the attempt as the API answers it, and every
 * host name the SSRF policy was asked to resolve. Only PLUGBOARD_PINNED_HOST resolves (to
 * 127.0.0.1); no DNS server knows it, so a connection can only be made through the checked answer.
 */
import { generateEncryptionKey } from "../crypto/keyring";
import { createPlugboard } from "../plugboard";
import { memoryStore } from "../stores/memory/memory-store";

const endpointUrl = process.env.PLUGBOARD_ENDPOINT_URL as string;
const pinnedHost = process.env.PLUGBOARD_PINNED_HOST as string;
const resolved: string[] = [];

const plugboard = createPlugboard({
  store: memoryStore(),
  authenticate: () => ({ userId: "usr_ada", organizationId: "org_acme", role: "admin" }),
  encryption: { currentKeyId: "k1", keys: { k1: generateEncryptionKey() } },
  logger: { warn: () => {}, error: () => {} },
  webhooks: {
    allowAddresses: ["127.0.0.1"],
    timeoutMs: 5_000,
    resolveHost: async (host) => {
      resolved.push(host);
      if (host !== pinnedHost) {
        throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
      }
      return ["127.0.0.1"];
    },
  },
});

async function call(path: string, body: unknown): Promise<Response> {
  return plugboard.handler(
    new Request(`http://app.test/api/plugboard${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
}

const created = await call("/webhooks/endpoints", { url: endpointUrl });
if (created.status !== 201) throw new Error(`create failed: ${await created.text()}`);
const { endpoint } = (await created.json()) as { endpoint: { id: string } };
const sent = await call(`/webhooks/endpoints/${endpoint.id}/test`, {});
if (sent.status !== 200) throw new Error(`test send failed: ${sent.status} ${await sent.text()}`);
const attempt: unknown = await sent.json();

// Exit at once: the transport's keep-alive agent would hold the process open otherwise.
process.stdout.write(`${JSON.stringify({ attempt, resolved })}\n`, () => process.exit(0));
