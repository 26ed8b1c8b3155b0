import type { PlugboardContext } from "../context";
import type { parseBody } from "../http/body";
import type { JobType } from "../jobs/define";
import type { JsonValue } from "../jobs/types";

/** A verified delivery's body, read by its content type. */
export type InboundBody = ReturnType<typeof parseBody>;

export type InboundAcceptance<P extends JsonValue> =
  /** Answered at once (a ping, Slack's url_verification); nothing is queued or remembered. */
  | { reply: Response }
  /**
   * Queued as a job; `deliveryId` (the provider's own) makes a redelivery a no-op. `ack` is the
   * answer when the provider needs a particular one (Slack closes a modal on an empty 200).
   */
  | {
      deliveryId: string;
      work: P;
      ack?: () => Response;
    };

/**
 * One kind of provider traffic at `{mount}{path}` (`/providers/github/webhook`): how it is
 * authenticated, what to remember, and the work it asks for, which runs as a job so the provider
 * gets its 2xx at once (Slack allows 3 s, GitHub 10 s) and a failure is retried.
 */
export interface InboundReceiver<P extends JsonValue = JsonValue, S = string> {
  path: string;
  /**
   * What the request is checked with: the configured signing secret, or what the store holds for
   * the sender (a Google channel's token hash); null when the host did not configure it (404).
   */
  secret(context: PlugboardContext, request: Request): S | null | Promise<S | null>;
  /** Over the raw bytes, before anything is parsed: an unsigned or forged request reads nothing. */
  verify(secret: S, request: Request, raw: Uint8Array, now: number): Promise<boolean>;
  /** Reads a verified delivery; throws a PlugboardError (4xx) for one that cannot be used. */
  accept(body: InboundBody, request: Request, secret: S): InboundAcceptance<P>;
  /**
   * Remembers the provider's delivery id; false when it was seen already, or when the work it asks
   * for is owed already (a calendar's "something changed" while a queued listing has yet to run):
   * nothing is queued then.
   */
  firstSeen(context: PlugboardContext, deliveryId: string): Promise<boolean>;
  job: JobType<P>;
  /** The work, on the worker: as the integration, or as a linked user (account links). */
  process(context: PlugboardContext, payload: P): Promise<void>;
}

export function defineInboundReceiver<P extends JsonValue, S = string>(
  receiver: InboundReceiver<P, S>,
): InboundReceiver<P, S> {
  return receiver;
}
