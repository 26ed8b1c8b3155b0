import { useIntegrations, usePlugboard, webhookKeys } from "@plugboard/react";
import { userChangedEvent } from "./issues/use-tracker-session";

const users = [
  { id: "ada", label: "Ada (admin)" },
  { id: "grace", label: "Grace (member)" },
];

/** Stands in for the host's own login: switches the demo_user cookie and reloads. */
export function RoleSwitcher() {
  const current = /(?:^|;\s*)demo_user=([a-z]+)/.exec(document.cookie)?.[1] ?? "ada";
  const { refetch } = useIntegrations();
  const { queryClient } = usePlugboard();
  return (
    <label className="host-role">
      Signed in as{" "}
      <select
        value={current}
        onChange={(event) => {
          // biome-ignore lint/suspicious/noDocumentCookie: the demo login is a plain cookie the server reads
          document.cookie = `demo_user=${event.target.value}; path=/; samesite=lax`;
          void refetch();
          // The webhook list carries what the caller may do: ask again as the new user.
          void queryClient.invalidateQueries({ queryKey: webhookKeys.all });
          window.dispatchEvent(new Event(userChangedEvent));
        }}
      >
        {users.map((user) => (
          <option key={user.id} value={user.id}>
            {user.label}
          </option>
        ))}
      </select>
    </label>
  );
}
