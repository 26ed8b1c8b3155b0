import { useEffect, useState } from "react";

interface DemoPumble {
  webhookUrl: string;
  channelUrl: string;
}

/**
 * Pumble has no OAuth: its card asks for an incoming-webhook URL. The demo's simulated Pumble
 * channel (server/demo-simulators.ts) has one; this says which, so the card completes offline.
 */
export function DemoPumbleNote() {
  const [pumble, setPumble] = useState<DemoPumble | null>(null);
  useEffect(() => {
    let stopped = false;
    void fetch("/demo-pumble")
      .then((response) => (response.ok ? (response.json() as Promise<DemoPumble>) : null))
      .catch(() => null)
      .then((body) => {
        if (!stopped) setPumble(body);
      });
    return () => {
      stopped = true;
    };
  }, []);
  if (!pumble) return null;
  return (
    <p className="host-lead host-pumble-note">
      Pumble is simulated here: connect it with the incoming-webhook URL{" "}
      <code>{pumble.webhookUrl}</code>, then watch events arrive in its{" "}
      <a href={pumble.channelUrl} target="_blank" rel="noreferrer">
        #releases channel
      </a>
      .
    </p>
  );
}
