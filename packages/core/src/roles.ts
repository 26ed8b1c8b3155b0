/** The roles an identity (and an SSO group mapping) can carry; `roleSchema` is built from it. */
export const roles = ["admin", "member"] as const;
