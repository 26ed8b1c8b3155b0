import { type ErrorCode, errorTable } from "@plugboard/core";

/** What the components do with each code; anything not listed shows its message with Retry. */
const behaviour: Partial<Record<ErrorCode, string>> = {
  validation_failed:
    "Forms show each field's error under that field, with no general message on top.",
  unauthenticated: "Shown as the message (“Sign in to continue”) where the data would be.",
  forbidden:
    "ApiKeysManager says the caller may not manage keys, without Retry; write controls the list marks as not allowed are inert with a tooltip before anything is sent.",
  insufficient_scope: "Shown as the message; the caller's key lacks a scope.",
  not_found: "Shown as the message (a key or endpoint deleted elsewhere, say).",
  conflict: "Shown inside the dialog that caused it, which stays open.",
  rate_limited: "Shown as the message; the user can retry later.",
  provider_error:
    "Retried like a 5xx; then the integrations are fetched again, so a card whose provider stopped accepting the installation turns needs-reconnect at once.",
  network_error: "Retried (twice) by the query client, then shown with Retry.",
  timeout: "Retried (twice) by the query client, then shown with Retry.",
  unavailable: "Retried (twice) by the query client, then shown with Retry.",
  internal_error: "Retried (twice) by the query client, then shown with Retry.",
  invalid_response: "Retried (twice) by the query client, then shown with Retry.",
};

/** Every problem `code` from @plugboard/core's errorTable, so a new code shows up here by itself. */
export function ErrorCodes() {
  return (
    <table>
      <thead>
        <tr>
          <th>code</th>
          <th>HTTP</th>
          <th>title</th>
          <th>What the components show</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(errorTable).map(([code, { status, title }]) => (
          <tr key={code}>
            <td>
              <code>{code}</code>
            </td>
            <td>{status === 0 ? "— (client)" : status}</td>
            <td>{title}</td>
            <td>
              {behaviour[code as ErrorCode] ??
                "Shown as the message, in a role=alert, with Retry where a retry can help."}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
