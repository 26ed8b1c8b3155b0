// Budgets checked by `npm test` (`size-limit`). Every dynamic import counts as loading later:
// a component's code loads when it first renders, a dialog's or a wizard step's when it opens
// (see src/components.ts). So "first load" is what importing all of the package costs a page,
// and "a page with X" is a page that imports the provider and X, plus what rendering X fetches
// before it is usable.
import { readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));
const react = ["react", "react-dom"];
const dependencies = Object.keys(pkg.dependencies);

const loadsLater = {
  name: "dynamic imports load later",
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) =>
      args.kind === "dynamic-import" ? { path: args.path, external: true } : undefined,
    );
  },
};
const modifyEsbuildConfig = (config) => ({
  ...config,
  plugins: [...(config.plugins ?? []), loadsLater],
});

/** Each exported component, by its file under dist/lazy/ (tsup.config.ts). */
const pages = {
  AccountLinks: "account-links",
  ApiKeysManager: "api-keys-manager",
  ApiKeyUsage: "api-key-usage",
  GoogleCalendarSync: "google-calendar-sync",
  IntegrationCard: "integration-card",
  IntegrationGallery: "integration-gallery",
  JiraImport: "jira-import",
  LinkedRepositories: "linked-repositories",
  SlackChannelSettings: "slack-channel-settings",
  SsoSettings: "sso-settings",
  WebhookManager: "webhook-manager",
};

export default [
  {
    name: "@plugboard/react, first load with dependencies (React aside)",
    path: "dist/index.js",
    ignore: react,
    modifyEsbuildConfig,
    limit: "42 kB",
  },
  {
    name: "@plugboard/react, own code of the first load",
    path: "dist/index.js",
    ignore: [...react, ...dependencies],
    modifyEsbuildConfig,
    limit: "13 kB",
  },
  ...Object.entries(pages).flatMap(([component, file]) => {
    // What a settings page imports, then what rendering it fetches: the component and the
    // provider's toasts.
    const page = {
      "dist/index.js": `{ PlugboardProvider, ${component} }`,
      [`dist/lazy/${file}.js`]: "*",
      "dist/lazy/toast-list.js": "{ ToastList }",
    };
    return [
      {
        name: `a page with ${component}, with dependencies`,
        import: page,
        ignore: react,
        modifyEsbuildConfig,
        limit: "60 kB",
      },
      {
        name: `a page with ${component}, own code`,
        import: page,
        ignore: [...react, ...dependencies],
        modifyEsbuildConfig,
        limit: "20 kB",
      },
    ];
  }),
  {
    name: "@plugboard/react, everything with dependencies (React aside; every dialog and step)",
    path: "dist/index.js",
    ignore: react,
    limit: "95 kB",
  },
  { name: "@plugboard/react/locales/de", path: "dist/locales/de.js", limit: "9 kB" },
  { name: "@plugboard/react/styles.css", path: "dist/styles.css", limit: "6.25 kB" },
];
