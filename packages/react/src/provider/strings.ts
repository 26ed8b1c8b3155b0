/**
 * Every user-visible string. Hosts override any subset through `<PlugboardProvider strings>`
 * (to translate, or to match their product's voice).
 */
export const defaultStrings = {
  installed: "Installed",
  notInstalled: "Not installed",
  notAvailable: "Not available",
  needsReconnect: "Needs reconnect",
  needsReconnectDescription: (name: string) =>
    `${name} no longer accepts this connection. Reconnect it to keep it working.`,
  disconnectedDescription: (name: string) =>
    `${name} was removed from your workspace. Reconnect it to turn it back on.`,
  loadingIntegration: "Loading integration",
  loadIntegrationsFailed: "Could not load integrations",
  retry: "Try again",
  unknownIntegration: (provider: string) => `There is no integration named "${provider}".`,
  categories: {
    "source-control": "Source control",
    communication: "Communication",
    calendar: "Calendar",
    import: "Import",
  },
  install: "Install",
  installing: "Installing…",
  uninstall: "Uninstall",
  uninstalling: "Uninstalling…",
  reconnect: "Reconnect",
  reconnecting: "Reconnecting…",
  connect: "Connect",
  connecting: "Connecting…",
  connectTitle: (name: string) => `Connect ${name}`,
  connectWebhookUrl: "Incoming webhook URL",
  connectWebhookUrlHint: (name: string) =>
    `In ${name}, add an Incoming Webhook to a channel and copy its URL.`,
  cancel: "Cancel",
  copy: "Copy",
  copied: "Copied",
  done: "Done",
  installNeedsAdmin: (name: string) =>
    `Only admins can install ${name}. Ask an admin to connect it.`,
  uninstallNeedsAdmin: (name: string) => `Only admins can uninstall ${name}.`,
  reconnectNeedsAdmin: (name: string) =>
    `Only admins can reconnect ${name}. Ask an admin to reconnect it.`,
  uninstallTitle: (name: string) => `Uninstall ${name}?`,
  uninstallDescription: (name: string) =>
    `${name} is disconnected for everyone it was installed for, and Plugboard's access is revoked at ${name}. You can install it again later.`,
  /** Said after `uninstallDescription`: what else goes with a provider's installation. */
  uninstallConsequences: {
    github:
      "Every repository linked to a project is unlinked, and its pull requests and commits no longer show on issues.",
    pumble: "Its webhook endpoint and delivery log are deleted too.",
  } as Record<string, string>,
  popupBlocked:
    "Your browser blocked the sign-in window. Allow pop-ups for this site, then try again.",
  popupClosed: (name: string) => `The sign-in window was closed before ${name} was connected.`,
  connectedAs: (account: string) => `Connected as ${account}`,
  gallery: "Integrations",
  searchIntegrations: "Search integrations",
  categoryFilter: "Category",
  allCategories: "All",
  installedOnly: "Installed only",
  featured: "Featured",
  allIntegrations: "All integrations",
  noMatchingIntegrations: "No integrations match your filters.",
  loadingIntegrations: "Loading integrations",
  linkedRepositories: "Linked repositories",
  loadingRepositories: "Loading repositories",
  noLinkedRepositories: "No repositories are linked to this project yet.",
  repository: "Repository",
  chooseRepository: "Choose a repository",
  linkRepository: "Link repository",
  linking: "Linking…",
  unlinkRepository: (fullName: string) => `Unlink ${fullName}`,
  manageLinksNeedsAdmin: "Only admins can link and unlink repositories.",
  installGitHubFirst: "Install GitHub to link its repositories to this project.",
  recentActivity: "Recent pull requests and commits",
  loadingActivity: "Loading recent pull requests and commits",
  noRecentActivity: "No pull requests or commits mention this project's issues yet.",
  referenceStates: {
    open: "Open",
    merged: "Merged",
    closed: "Closed",
    pushed: "Pushed",
  },
  // WebhookManager: flat `webhook*` keys, so a host can override any one of them alone.
  webhooksTitle: "Webhooks",
  webhooksDescription: "Send signed HTTP requests to your endpoints when things change.",
  webhooksLoading: "Loading webhooks",
  webhooksLoadFailed: "Could not load webhooks",
  webhooksEmpty: "No webhook endpoints yet.",
  webhooksEmptyHint: "Add an endpoint to start receiving events.",
  webhooksList: "Webhook endpoints",
  webhooksReadOnly: "Read-only",
  webhooksNeedsAdmin: "Only admins can change webhooks.",
  webhookAdd: "Add endpoint",
  webhookActions: (url: string) => `Actions for ${url}`,
  webhookEdit: "Edit",
  webhookEditTitle: "Edit endpoint",
  webhookCreateTitle: "Add endpoint",
  webhookSave: "Save changes",
  webhookCreate: "Create endpoint",
  webhookSaving: "Saving…",
  webhookUrl: "Endpoint URL",
  webhookUrlHint: "Where the HTTP POST requests go.",
  webhookUrlMaskedHint:
    "Shown masked: a chat webhook's URL is its password. Leave it to keep it, or paste a new one.",
  webhookDescription: "Description",
  webhookDestination: "Destination",
  webhookDestinations: {
    standard: "Signed JSON (Standard Webhooks)",
    pumble: "Pumble channel",
    slack: "Slack channel",
  } as Record<string, string>,
  webhookProject: "Project ID",
  webhookProjectHint: "Leave empty to receive events from every project.",
  webhookEvents: "Events",
  webhookEventsAll: "All events",
  webhookEventsSome: "Selected events",
  webhookEventsCount: (count: number) => (count === 1 ? "1 event" : `${count} events`),
  webhookEventGroups: {
    project: "Projects",
    cycle: "Cycles",
    module: "Modules",
    issue: "Issues",
    comment: "Comments",
    document: "Documents",
    integration: "Integrations",
    endpoint: "Endpoints",
    webhook: "Webhooks",
  } as Record<string, string>,
  webhookToggle: (url: string) => `Deliver to ${url}`,
  webhookEnabled: "Active",
  webhookDisabled: "Disabled",
  webhookNoDeliveries: "No deliveries yet",
  webhookLastDelivery: (status: string) => `Last delivery: ${status}`,
  /** How many of the endpoint's recent attempts failed (`attempts` is at least 1). */
  webhookRecentFailures: (failed: number, attempts: number) =>
    attempts === 1
      ? failed === 1
        ? "The last attempt failed"
        : "The last attempt succeeded"
      : failed === 0
        ? `All of the last ${attempts} attempts succeeded`
        : `${failed} of the last ${attempts} attempts failed`,
  webhookDisabledReasons: {
    manual: "Turned off",
    gone: "Turned off: the receiver answered 410 Gone",
    failing: "Turned off after repeated failures",
  } as Record<string, string>,
  webhookSendTest: "Send test",
  webhookSendTestNeedsActive: "Switch the endpoint on to send it a test.",
  webhookTestSent: (status: string, code: number | null) =>
    `Test event: ${status}${code === null ? "" : ` (HTTP ${code})`}`,
  webhookRotate: "Rotate secret",
  webhookRotateTitle: "Rotate the signing secret?",
  webhookRotateBody:
    "A new secret is created now. For the grace period you choose, the old one keeps signing too, so you can update your receiver without missing events.",
  webhookRotateGrace: "Old secret keeps signing",
  webhookRotateGraceOptions: {
    "0": "Stop it now",
    "3600": "For 1 hour",
    "86400": "For 24 hours",
    "604800": "For 7 days",
  } as Record<string, string>,
  webhookDelete: "Delete",
  webhookDeleteTitle: "Delete this endpoint?",
  webhookDeleteBody: (url: string) =>
    `${url} stops receiving events and its delivery log is deleted. This cannot be undone.`,
  webhookDeleteConfirm: "Delete endpoint",
  webhookSecretTitle: "Signing secret",
  webhookSecretWarning:
    "Copy this secret now: it is shown only once. Your receiver needs it to verify signatures.",
  webhookSecretLabel: "Secret",
  webhookCopyFailed: "Could not copy: select the secret and copy it by hand.",
  webhookDeliveries: "Delivery log",
  webhookDeliveriesTitle: (url: string) => `Deliveries to ${url}`,
  webhookDeliveriesEmpty: "Nothing was sent to this endpoint yet.",
  webhookDeliveriesLoading: "Loading deliveries",
  webhookLoadOlder: "Load older messages",
  webhookAttempt: (n: number) => `Attempt ${n}`,
  webhookAttemptTriggers: { manual: "resent", test: "test" } as Record<string, string>,
  webhookNoResponse: "No response",
  webhookLatency: (ms: number) => `${ms} ms`,
  webhookNextRetry: (when: string) => `Next retry ${when}`,
  webhookResend: "Resend",
  webhookResent: "Queued for delivery again.",
  webhookRecover: "Recover failed messages",
  webhookRecoverTitle: "Recover failed messages",
  webhookRecoverBody:
    "Queue again every message to this endpoint that failed since the time you pick. Each keeps its webhook-id, so your receiver can tell a repeat.",
  webhookRecoverSince: "Failed since",
  webhookRecoverPresets: {
    "3600": "The last hour",
    "86400": "The last 24 hours",
    "604800": "The last 7 days",
    custom: "A date and time",
  } as Record<string, string>,
  webhookRecoverDateTime: "Date and time",
  webhookRecoverDateTimeMissing: "Pick a date and time in the past.",
  webhookRecoverConfirm: "Recover messages",
  webhookRecovering: "Recovering…",
  webhookRecovered: (count: number) =>
    count === 0
      ? "No failed messages in that period."
      : `${count === 1 ? "1 message" : `${count} messages`} queued for delivery again.`,
  webhookDeliveryStatus: {
    pending: "Pending",
    succeeded: "Delivered",
    failed: "Failed",
  } as Record<string, string>,
  // ApiKeysManager: flat `apiKey*` keys, so a host can override any one of them alone.
  apiKeysTitle: "API keys",
  apiKeysDescription: "Keys let scripts and other services call the API on your behalf.",
  apiKeysLoading: "Loading API keys",
  apiKeysLoadFailed: "Could not load API keys",
  apiKeysForbidden: "You don't have permission to manage API keys. Ask an admin.",
  apiKeysEmpty: "No API keys yet.",
  apiKeysEmptyHint: "Create a key to call the API from a script or another service.",
  apiKeysList: "API keys",
  apiKeyCreate: "Create API key",
  apiKeyColumns: {
    name: "Name",
    key: "Key",
    scopes: "Scopes",
    project: "Project",
    lastUsed: "Last used",
    expires: "Expires",
    status: "Status",
    actions: "Actions",
  },
  apiKeyAllProjects: "All projects",
  apiKeyNeverUsed: "Never",
  apiKeyNoExpiry: "Never",
  apiKeyStatuses: {
    active: "Active",
    disabled: "Disabled",
    expired: "Expired",
    revoked: "Revoked",
  } as Record<string, string>,
  apiKeyExpiringSoon: "Expires soon",
  apiKeyReplaced: "Old key, rotated",
  apiKeyReplacement: "New key",
  apiKeyEndsAt: (when: string) => `Stops working ${when}`,
  apiKeyScopeCount: (count: number) => (count === 1 ? "1 scope" : `${count} scopes`),
  apiKeyAllScopes: "Full access",
  apiKeyActions: (name: string) => `Actions for ${name}`,
  apiKeyUsageButton: "Usage",
  apiKeyRotateButton: "Rotate",
  apiKeyRevokeButton: "Revoke",
  apiKeyRenameButton: "Rename",
  apiKeyRenameTitle: (name: string) => `Rename ${name}`,
  apiKeyRenameSubmit: "Save name",
  apiKeyRenaming: "Saving…",
  apiKeyToggle: (name: string) => `${name} enabled`,
  apiKeyToggleFailed: (name: string) => `Could not switch ${name}:`,
  apiKeyReadOnly: "Read-only",
  apiKeyNeedsOwner: "Only the key's creator or an admin can change it.",
  apiKeyCreateTitle: "Create API key",
  apiKeyName: "Name",
  apiKeyNameHint: "Something that tells you where the key is used, like “CI deploy”.",
  apiKeyScopes: "Scopes",
  apiKeyScopesHint: "Grant only what the key needs.",
  apiKeyResources: {
    issues: "Issues",
    projects: "Projects",
    comments: "Comments",
    documents: "Documents",
    search: "Search",
  } as Record<string, string>,
  apiKeyScopeNeedsAdmin: "Admins only",
  apiKeyFullAccessHint: "Every scope on every resource, including ones added later.",
  apiKeyResourceAll: (resource: string) => `Full access to ${resource.toLowerCase()}`,
  apiKeyIncludedIn: (scope: string) => `Included in ${scope}`,
  apiKeySelection: "Selected scopes:",
  apiKeySelectionNone: "none yet",
  apiKeyProject: "Project",
  apiKeyProjectId: "Project ID",
  apiKeyProjectHint: "Limit the key to one project, or leave empty for all.",
  apiKeyExpiry: "Expires",
  apiKeyExpiryPresets: {
    "7": "In 7 days",
    "30": "In 30 days",
    "90": "In 90 days",
    "365": "In 1 year",
    never: "Never",
  } as Record<string, string>,
  apiKeyRateLimit: "Requests per minute",
  apiKeyRateLimitHint: "Leave empty for the default limit.",
  apiKeyCreateSubmit: "Create key",
  apiKeyCreating: "Creating…",
  apiKeyClose: "Close",
  apiKeySecretTitle: "Copy your API key",
  apiKeySecretWarning:
    "This is the only time the key is shown. Store it somewhere safe: if you lose it, rotate the key.",
  apiKeySecretLabel: "API key",
  apiKeyCopyFailed: "Could not copy: select the key and copy it by hand.",
  apiKeyRotateTitle: (name: string) => `Rotate ${name}?`,
  apiKeyRotateBody:
    "A new key with the same scopes, project and limits is created. Choose how long the old key keeps working, so you can switch your services over.",
  apiKeyGrace: "Old key keeps working",
  apiKeyGraceOptions: {
    "0": "Revoke it now",
    "3600": "For 1 hour",
    "86400": "For 24 hours",
    "604800": "For 7 days",
  } as Record<string, string>,
  apiKeyRotateConfirm: "Rotate key",
  apiKeyRotating: "Rotating…",
  apiKeyRevokeTitle: (name: string) => `Revoke ${name}?`,
  apiKeyRevokeBody:
    "Requests with this key are refused at once. This cannot be undone; create a new key if you need one later.",
  apiKeyRevokeConfirm: "Revoke key",
  apiKeyRevoking: "Revoking…",
  apiKeyUsageTitle: (name: string) => `Usage of ${name}`,
  apiKeyUsageRange: "Period",
  apiKeyUsageRanges: {
    "24h": "Last 24 hours",
    "7d": "Last 7 days",
    "30d": "Last 30 days",
  } as Record<string, string>,
  apiKeyUsageLoading: "Loading usage",
  apiKeyUsageFailed: "Could not load usage",
  apiKeyUsageEmpty: "No requests in this period.",
  apiKeyUsageRequests: "Requests",
  apiKeyUsageErrorRate: "Error rate",
  apiKeyUsageLatency: (percentile: string) => `Latency ${percentile}`,
  apiKeyUsageChart: (total: number, errors: number) =>
    `Requests over time: ${total} requests, ${errors} errors`,
  apiKeyUsageStatusCodes: "Status codes",
  apiKeyUsageTopEndpoints: "Top endpoints",
  apiKeyUsageBucket: (requests: number, errors: number) =>
    `${requests === 1 ? "1 request" : `${requests.toLocaleString()} requests`}, ${errors === 1 ? "1 error" : `${errors.toLocaleString()} errors`}`,
  apiKeyUsageLegendOk: "Successful",
  apiKeyUsageLegendErrors: "Errors",
  slackChannel: "Slack notifications",
  loadingSlackChannel: "Loading Slack settings",
  installSlackFirst: "Connect Slack to send this project's updates to a channel.",
  slackChannelPicker: "Channel",
  chooseSlackChannel: "Choose a channel",
  slackNotMember: (name: string) => `#${name} (invite the bot first)`,
  slackEvents: "Send these events",
  slackEventNames: {
    "issue.created": "Issue created",
    "issue.updated": "Issue changed (status, priority, …)",
    "issue.assigned": "Issue assigned",
    "issue.completed": "Issue completed",
    "comment.created": "Comment added",
    "cycle.started": "Cycle started",
    "cycle.completed": "Cycle completed",
  } as Record<string, string>,
  saveSlackChannel: "Save",
  savingSlackChannel: "Saving…",
  sendSlackTest: "Send test message",
  sendingSlackTest: "Sending…",
  stopSlackNotifications: "Stop notifications",
  slackPostingTo: (name: string) => `Posting to #${name}`,
  slackNoChannelYet: "No channel yet: pick one to post this project's updates.",
  slackDelivered: (event: string, at: string) => `Last message delivered (${event}, ${at}).`,
  slackDeliveryFailed: (error: string) => `Slack refused the last message: ${error}.`,
  slackErrorHints: {
    not_in_channel:
      "Invite the Plugboard bot to the channel (/invite @Plugboard), then send a test message.",
    channel_not_found: "The channel no longer exists or is private to the bot: pick another one.",
    token_revoked: "Slack no longer accepts this connection: reconnect Slack.",
  } as Record<string, string>,
  slackSettingsNeedAdmin: "Only admins can change where notifications go.",
  accountLinks: "Linked accounts",
  accountLinksOrganization: "Linked accounts in this organization",
  accountLinksLoading: "Loading linked accounts",
  accountLinksNone:
    "No linked accounts yet. When you act from Slack for the first time, it sends you a link to connect your account.",
  accountLinksNoneInOrganization: "Nobody in this organization has linked an account yet.",
  accountLinkWorkspace: (id: string) => `Workspace ${id}`,
  accountLinkRunsAs: (userId: string) => `Runs as ${userId}`,
  accountLinkedOn: (date: string) => `Linked ${date}`,
  accountUnlink: "Unlink",
  accountUnlinkLabel: (provider: string, account: string) =>
    `Unlink ${provider} account ${account}`,
  accountUnlinkTitle: (provider: string, account: string) =>
    `Unlink ${provider} account ${account}?`,
  accountUnlinkBody: (provider: string) =>
    `Actions from ${provider} by this account stop running as its user. The next action asks to connect the account again.`,
  accountUnlinkConfirm: "Unlink account",
  accountUnlinking: "Unlinking…",
  calendarSync: "Google Calendar sync",
  calendarSyncLoading: "Loading calendar sync",
  calendarSyncStatus: "Sync status",
  calendarSyncConnectFirst: "Connect Google Calendar to sync due dates and cycles with it.",
  calendarSyncConnection: "Connection",
  calendarSyncCalendar: "Calendar",
  calendarSyncNewCalendar: "Create a “Plugboard” calendar",
  calendarSyncProjects: "Projects",
  calendarSyncDirection: "Direction",
  calendarSyncDirections: {
    both: "Both ways",
    to_calendar: "Only to the calendar",
    from_calendar: "Only from the calendar",
  } as Record<string, string>,
  calendarSyncOnDelete: "When an event is deleted in the calendar",
  calendarSyncOnDeleteChoices: {
    clear_due_date: "Clear the issue's due date",
    recreate_event: "Put the event back",
  } as Record<string, string>,
  calendarSyncCompletedPrefix: "Completed issues start with",
  calendarSyncSave: "Save and sync",
  calendarSyncEdit: "Change settings",
  calendarSyncCancel: "Cancel",
  calendarSyncNow: "Sync now",
  calendarSyncQueued: "A sync is on its way.",
  calendarSyncLastSync: "Last sync",
  calendarSyncNever: "Not yet",
  calendarSyncEvents: "Events",
  calendarSyncConflicts: "Conflicts settled",
  calendarSyncUpdates: "Updates",
  calendarSyncPush: "Pushed by Google",
  calendarSyncPoll: "Checked every few minutes",
  calendarSyncLastError: "Last error",
  calendarSyncNeedsReconnect:
    "Google Calendar no longer accepts this connection. Reconnect it to keep syncing.",
  calendarSyncPickProject: "Pick at least one project.",
};

export type PlugboardStrings = typeof defaultStrings;

/**
 * What a host passes as `strings`: any subset, and any subset of a nested group (`categories`,
 * `apiKeyStatuses`…): a group is merged key by key, so overriding one label keeps the others.
 */
export type PlugboardStringOverrides = {
  [Key in keyof PlugboardStrings]?: PlugboardStrings[Key] extends
    | string
    | ((...args: never[]) => string)
    ? PlugboardStrings[Key]
    : Partial<PlugboardStrings[Key]>;
};

/** The defaults with a host's overrides on top, nested groups merged one level deep. */
export function mergeStrings(overrides: PlugboardStringOverrides = {}): PlugboardStrings {
  const merged: Record<string, unknown> = { ...defaultStrings };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    const base = merged[key];
    merged[key] =
      typeof value === "object" && typeof base === "object" ? { ...base, ...value } : value;
  }
  return merged as PlugboardStrings;
}
