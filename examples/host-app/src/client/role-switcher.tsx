const demoUsers = [
  { id: "ada", label: "Ada (admin)" },
  { id: "grace", label: "Grace (member)" },
  { id: "alice", label: "Alice (member, signs in with SSO)" },
];

/** The demo login: the `demo_user` cookie the server reads (Ada unless it says otherwise). */
export function currentDemoUser(): string {
  return /(?:^|;\s*)demo_user=([a-z]+)/.exec(document.cookie)?.[1] ?? "ada";
}

/**
 * Stands in for the host's own login: switches the `demo_user` cookie. The page passes the user
 * to `<PlugboardProvider identityKey>`, which drops the previous user's data and asks again.
 */
export function RoleSwitcher({
  user,
  onChange,
}: {
  user: string;
  onChange: (user: string) => void;
}) {
  return (
    <label className="host-role">
      Signed in as{" "}
      <select
        value={user}
        onChange={(event) => {
          // biome-ignore lint/suspicious/noDocumentCookie: the demo login is a plain cookie the server reads
          document.cookie = `demo_user=${event.target.value}; path=/; samesite=lax`;
          onChange(event.target.value);
        }}
      >
        {demoUsers.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
