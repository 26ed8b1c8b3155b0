import type { AuthorizeIntegrationInput, OAuthErrorCode } from "@plugboard/core";
import { isOAuthMessage, isPlugboardError } from "@plugboard/core/routes";
import { useCallback, useEffect, useRef, useState } from "react";
import { usePlugboard } from "../provider/plugboard-provider";
import { integrationKeys } from "./query-keys";

export type IntegrationPopupErrorCode = "popup_blocked" | "popup_closed" | OAuthErrorCode | string;

export interface IntegrationPopupError {
  /** `popup_blocked`, `popup_closed`, the callback's error (`access_denied`, …) or the API's code. */
  code: IntegrationPopupErrorCode;
  /** A sentence fit to show the user. */
  message: string;
}

export type IntegrationPopupState =
  | { status: "idle" }
  | { status: "pending" }
  | { status: "success"; integrationId: string }
  | { status: "error"; error: IntegrationPopupError };

export interface IntegrationPopupOptions extends AuthorizeIntegrationInput {
  /** Popup size in CSS pixels. Default 600 × 720. */
  width?: number;
  height?: number;
  /** How often to check whether the user closed the popup. Default 500 ms. */
  pollMs?: number;
  /** Replaces the default sentences for a blocked or abandoned popup. */
  messages?: { popupBlocked?: string; popupClosed?: string };
}

/**
 * Connects an OAuth integration in a popup. Call `start()` directly in a click handler: it
 * opens the window synchronously (so popup blockers allow it), fetches the consent URL, then
 * sends the window there. It resolves from the callback page's `plugboard:oauth` message —
 * accepted only from the handler kit's origin and from that window — and refreshes the
 * integrations. A blocked popup, or one closed before finishing, ends in an error state.
 */
export function useIntegrationPopup(provider: string, options: IntegrationPopupOptions = {}) {
  const { client, queryClient } = usePlugboard();
  const [state, setState] = useState<IntegrationPopupState>({ status: "idle" });
  const cleanup = useRef<(() => void) | null>(null);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  useEffect(() => () => cleanup.current?.(), []);

  const start = useCallback((): Promise<IntegrationPopupState> => {
    cleanup.current?.();
    const { width = 600, height = 720, pollMs = 500, messages = {}, ...input } = optionsRef.current;
    const left = Math.max(0, window.screenX + (window.outerWidth - width) / 2);
    const top = Math.max(0, window.screenY + (window.outerHeight - height) / 2);
    // Opened now, inside the click, as about:blank; sent to the consent page once it is known.
    const popup = window.open(
      "",
      `plugboard-oauth-${provider}`,
      `popup=yes,width=${width},height=${height},left=${left},top=${top}`,
    );
    if (!popup) {
      const blocked: IntegrationPopupState = {
        status: "error",
        error: {
          code: "popup_blocked",
          message: messages.popupBlocked ?? "The browser blocked the sign-in window.",
        },
      };
      setState(blocked);
      return Promise.resolve(blocked);
    }
    setState({ status: "pending" });
    const kitOrigin = new URL(client.baseUrl, window.location.href).origin;
    const abort = new AbortController();

    return new Promise<IntegrationPopupState>((resolve) => {
      let settled = false;
      let graceTimer: ReturnType<typeof setTimeout> | undefined;
      const poll = setInterval(() => {
        if (!popup.closed || graceTimer) return;
        // The page posts, then closes itself: give its message a moment to arrive first.
        graceTimer = setTimeout(
          () =>
            finish({
              status: "error",
              error: {
                code: "popup_closed",
                message: messages.popupClosed ?? "The sign-in window was closed.",
              },
            }),
          Math.min(pollMs, 300),
        );
      }, pollMs);

      function onMessage(event: MessageEvent) {
        if (event.origin !== kitOrigin || event.source !== popup) return;
        const message: unknown = event.data;
        if (!isOAuthMessage(message) || message.provider !== provider) return;
        if (message.status === "success") {
          void queryClient.invalidateQueries({ queryKey: integrationKeys.all });
          finish({ status: "success", integrationId: message.integrationId });
        } else {
          finish({ status: "error", error: { code: message.error, message: message.message } });
        }
      }

      function release() {
        settled = true;
        clearInterval(poll);
        if (graceTimer) clearTimeout(graceTimer);
        window.removeEventListener("message", onMessage);
        abort.abort();
        cleanup.current = null;
      }

      function finish(result: IntegrationPopupState) {
        if (settled) return;
        release();
        setState(result);
        resolve(result);
      }

      window.addEventListener("message", onMessage);
      cleanup.current = release;

      client.integrations.authorize(provider, input, { signal: abort.signal }).then(
        ({ url }) => {
          if (!settled && !popup.closed) popup.location.href = url;
        },
        (error: unknown) => {
          if (settled) return;
          popup.close();
          finish({
            status: "error",
            error: isPlugboardError(error)
              ? { code: error.code, message: error.detail }
              : { code: "internal_error", message: String(error) },
          });
        },
      );
    });
  }, [client, queryClient, provider]);

  const reset = useCallback(() => {
    cleanup.current?.();
    setState({ status: "idle" });
  }, []);

  return { state, start, reset };
}
