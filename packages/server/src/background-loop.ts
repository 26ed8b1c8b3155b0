export interface BackgroundLoop {
  start(): void;
  /** Ends the loop after the round in flight; resolves once that round is done. */
  stop(): Promise<void>;
  /** Cuts the current wait short: the next round starts now. */
  wake(): void;
}

/**
 * Rounds back to back while `round` resolves true (more is due), otherwise one every
 * `pollIntervalMs` or as soon as `wake()` is called. `round` handles its own errors. Shared by
 * the webhook dispatcher and the job worker.
 */
export function backgroundLoop(
  round: () => Promise<boolean>,
  pollIntervalMs: number,
): BackgroundLoop {
  let running = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  /** `wake()` came during a round: skip the next wait rather than lose it. */
  let woken = false;

  async function run() {
    while (running) {
      woken = false;
      if ((await round()) || !running || woken) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollIntervalMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
      loop = undefined;
    },
    wake() {
      woken = true;
      wake?.();
    },
  };
}
