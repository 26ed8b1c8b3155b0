import { verifySlackSignature } from "@plugboard/core";

/** `X-Slack-Signature` v0 over the raw body, the timestamp within 5 minutes of the server clock. */
export function verifySlack(secret: string, request: Request, raw: Uint8Array, now: number) {
  return verifySlackSignature(
    secret,
    raw,
    request.headers.get("x-slack-request-timestamp"),
    request.headers.get("x-slack-signature"),
    { now: Math.floor(now / 1000), toleranceSeconds: 300 },
  );
}

/** When Slack sent a verified request (epoch ms), from its signed timestamp. */
export function signedAt(request: Request): number {
  return Number(request.headers.get("x-slack-request-timestamp")) * 1000;
}
