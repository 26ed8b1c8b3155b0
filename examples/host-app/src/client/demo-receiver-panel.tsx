import { type FormEvent, useEffect, useState } from "react";

interface ReceivedDelivery {
  sequence: number;
  id: string;
  type: string | null;
  receivedAt: string;
  outcome: string;
  duplicate: boolean;
}

const receiverUrl = `${window.location.origin}/demo-receiver`;

/**
 * The host app's own test receiver (see server/demo-receiver.ts): add a webhook pointing at it,
 * paste the secret shown once, and watch deliveries arrive.
 */
export function DemoReceiverPanel() {
  const [deliveries, setDeliveries] = useState<ReceivedDelivery[]>([]);
  const [hasSecret, setHasSecret] = useState(false);
  const [secret, setSecret] = useState("");
  const [message, setMessage] = useState("");

  useEffect(() => {
    let stopped = false;
    async function poll() {
      const response = await fetch("/demo-receiver/deliveries").catch(() => null);
      if (!stopped && response?.ok) {
        const body = (await response.json()) as { data: ReceivedDelivery[]; hasSecret: boolean };
        setDeliveries(body.data);
        setHasSecret(body.hasSecret);
      }
    }
    void poll();
    const timer = setInterval(() => void poll(), 1500);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);

  async function saveSecret(event: FormEvent) {
    event.preventDefault();
    const response = await fetch("/demo-receiver/secret", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ secret: secret.trim() }),
    });
    setMessage(
      response.ok ? "The receiver now verifies with this secret." : "That is not a whsec_ secret.",
    );
    if (response.ok) setSecret("");
  }

  async function publish() {
    const response = await fetch("/demo-receiver/publish", { method: "POST" });
    const body = response.ok ? ((await response.json()) as { messages: number }) : null;
    setMessage(
      body ? `Published to ${body.messages} endpoint(s); the dispatcher delivers it.` : "Failed.",
    );
  }

  return (
    <section aria-labelledby="demo-receiver-title" className="host-receiver">
      <h2 id="demo-receiver-title">Demo receiver</h2>
      <p className="host-lead">
        Add an endpoint with the URL <code>{receiverUrl}</code>, then paste its signing secret here
        so the receiver can verify signatures. Until then it answers 401, and the delivery log shows
        the failures (resend them once the secret is set).
      </p>
      <form className="host-receiver__form" onSubmit={(event) => void saveSecret(event)}>
        <div className="host-field">
          <label htmlFor="demo-receiver-secret">Signing secret</label>
          <input
            id="demo-receiver-secret"
            value={secret}
            onChange={(event) => setSecret(event.target.value)}
            placeholder={hasSecret ? "whsec_… (set; paste a new one after a rotation)" : "whsec_…"}
            spellCheck={false}
          />
        </div>
        <button type="submit" className="host-button host-button--primary">
          Use secret
        </button>
        <button type="button" className="host-button" onClick={() => void publish()}>
          Create a demo issue (publishes issue.created)
        </button>
        <span role="status">{message}</span>
      </form>
      <table className="host-receiver__table" aria-label="Received deliveries">
        <thead>
          <tr>
            <th>Received</th>
            <th>webhook-id</th>
            <th>Event</th>
            <th>Signature</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.length === 0 && (
            <tr>
              <td colSpan={4}>Nothing received yet.</td>
            </tr>
          )}
          {deliveries.map((delivery) => (
            <tr key={delivery.sequence}>
              <td>{new Date(delivery.receivedAt).toLocaleTimeString()}</td>
              <td>
                <code>{delivery.id}</code>
                {delivery.duplicate && " (repeat)"}
              </td>
              <td>{delivery.type ?? "—"}</td>
              <td>{delivery.outcome}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
