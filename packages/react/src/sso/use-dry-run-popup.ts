import type { SsoTestMessage } from "@plugboard/core";
import { isPlugboardError, isSsoTestMessage } from "@plugboard/core/routes";
import { useCallback, useEffect, useRef, useState } from "react";
import { usePlugboard, useStrings } from "../provider/plugboard-provider";
import { ssoKeys } from "./query-keys";

export type SsoTestProfile = Extract<SsoTestMessage, { status: "success" }>["profile"];

export type SsoTestState =
  | { status: "idle" }
  | { status: "pending" }
  | { status: "success"; profile: SsoTestProfile }
  | { status: "error"; reason: string; message: string };

/**
 * Test connection: a login in a popup that signs nobody in. Like the integrations' install
 * popup, the window opens inside the click (so blockers allow it) and is sent to the test URL
 * once the server issued it; the result is the last page's `plugboard:sso-test` message,
 * accepted only from the handler kit's origin and from that window.
 */
export function useSsoTestPopup(connectionId: string) {
  const { client, queryClient } = usePlugboard();
  const strings = useStrings();
  const [state, setState] = useState<SsoTestState>({ status: "idle" });
  const cleanup = useRef<(() => void) | null>(null);
  useEffect(() => () => cleanup.current?.(), []);

  const start = useCallback(() => {
    cleanup.current?.();
    const width = 520;
    const height = 680;
    const left = Math.max(0, window.screenX + (window.outerWidth - width) / 2);
    const top = Math.max(0, window.screenY + (window.outerHeight - height) / 2);
    const popup = window.open(
      "",
      `plugboard-sso-test-${connectionId}`,
      `popup=yes,width=${width},height=${height},left=${left},top=${top}`,
    );
    if (!popup) {
      setState({ status: "error", reason: "popup_blocked", message: strings.ssoTestPopupBlocked });
      return;
    }
    setState({ status: "pending" });
    const kitOrigin = new URL(client.baseUrl, window.location.href).origin;
    const abort = new AbortController();
    let graceTimer: ReturnType<typeof setTimeout> | undefined;

    const finish = (next: SsoTestState) => {
      release();
      setState(next);
      // A test run's refusal is logged like any sign-in.
      void queryClient.invalidateQueries({ queryKey: ssoKeys.attempts() });
    };
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== kitOrigin || event.source !== popup) return;
      const message: unknown = event.data;
      if (!isSsoTestMessage(message) || message.connectionId !== connectionId) return;
      finish(
        message.status === "success"
          ? { status: "success", profile: message.profile }
          : { status: "error", reason: message.reason, message: message.message },
      );
    };
    const poll = setInterval(() => {
      if (!popup.closed || graceTimer) return;
      // The page posts, then closes itself: give its message a moment to arrive first.
      graceTimer = setTimeout(
        () =>
          finish({
            status: "error",
            reason: "popup_closed",
            message: strings.ssoTestPopupClosed,
          }),
        300,
      );
    }, 500);
    function release() {
      clearInterval(poll);
      if (graceTimer) clearTimeout(graceTimer);
      window.removeEventListener("message", onMessage);
      abort.abort();
      cleanup.current = null;
    }
    window.addEventListener("message", onMessage);
    cleanup.current = release;

    client.sso.connections.test(connectionId, { signal: abort.signal }).then(
      ({ url }) => {
        if (!popup.closed) popup.location.href = url;
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        popup.close();
        finish({
          status: "error",
          reason: isPlugboardError(error) ? error.code : "internal_error",
          message: isPlugboardError(error) ? error.detail : String(error),
        });
      },
    );
  }, [client, queryClient, connectionId, strings]);

  return { state, start };
}
