import { createHmac } from "node:crypto";
import { generateWebhookSecret, signWebhook } from "@plugboard/core";
import { Webhook as StandardWebhook } from "standardwebhooks";
import { compare } from "./src/harness";

const secret = generateWebhookSecret();
const key = Buffer.from(secret.slice(6), "base64");
const filler = "The quick brown fox jumps over the lazy dog. ";
const body = JSON.stringify({
  type: "issue.updated",
  timestamp: new Date().toISOString(),
  data: {
    id: "iss_4Xk2mB9qLrT7wZp3",
    title: "Sign webhooks faster",
    description: filler.repeat(20).slice(0, 880),
  },
});
const id = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
const timestamp = Math.floor(Date.now() / 1000);
const sw = new StandardWebhook(secret);
const date = new Date(timestamp * 1000);
const withSW = process.argv[2] === "sw";
for (let i = 0; i < 3; i++) {
  const ops: Record<string, () => unknown> = {
    plugboard: () => signWebhook(secret, { id, timestamp, body }),
    raw: () =>
      `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`,
  };
  if (withSW) ops.sw = () => sw.sign(id, date, body);
  const r = await compare(ops);
  console.log(r.plugboard / r.raw);
}
