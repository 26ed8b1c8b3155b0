/// <reference types="vite/client" />
import "../packages/react/src/styles.css";
import { createPlugboardClient } from "@plugboard/client";
import { createMockPlugboard, mockPlugboardHandlers } from "@plugboard/mocks";
import type { Decorator, Loader, Preview } from "@storybook/react-vite";
import { QueryClient } from "@tanstack/react-query";
import { getResponse, http } from "msw";
import { setupWorker } from "msw/browser";
import { mswLoader } from "msw-storybook-addon/csf3";
import { configure } from "storybook/test";
import { PlugboardProvider, type PlugboardTheme } from "../packages/react/src";
import { de } from "../packages/react/src/locales/de";
import { layoutViewports } from "../packages/react/src/test/layout";

const themes: PlugboardTheme[] = ["light", "dark", "system"];

function isTheme(value: unknown): value is PlugboardTheme {
  return themes.includes(value as PlugboardTheme);
}

// The msw handlers answer every request under /api/plugboard on the page's own origin.
const client = createPlugboardClient({ baseUrl: `${location.origin}/api/plugboard` });

/**
 * Stories without handlers of their own share these, which answer from a mock that a loader
 * makes anew before every story: a story that installs or deletes something never changes what
 * the next one sees, whatever order they run in.
 */
let defaultMockHandlers = mockPlugboardHandlers(createMockPlugboard());
const freshDefaultMock: Loader = async () => {
  defaultMockHandlers = mockPlugboardHandlers(createMockPlugboard());
  return {};
};
const defaultHandlers = [
  // Returning undefined lets everything the mock does not claim (Vite modules, assets) through.
  http.all("*", ({ request }) => getResponse(defaultMockHandlers, request)),
];

/** A fresh cache for every story (and every re-run): no story sees another's data. */
const queryClientLoader: Loader = async () => ({
  queryClient: new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 30_000 } },
  }),
});

/** The host page's own colours: Plugboard's components must read well on either. */
const hostPages = {
  light: { background: "#ffffff", color: "#1b1b1f", colorScheme: "light" },
  dark: { background: "#121216", color: "#ececf1", colorScheme: "dark" },
} as const;

const withPlugboard: Decorator = (Story, context) => {
  const queryClient = context.loaded.queryClient as QueryClient;
  const theme = isTheme(context.globals.theme) ? context.globals.theme : "light";
  // English is the default set; the toolbar's German is the shipped `de` locale, complete.
  const strings = context.globals.locale === "de" ? de : undefined;
  // The story sits on a host page in that theme (not inside a Plugboard root), as in an app:
  // what has no background of its own is seen, and contrast-checked by axe, on the host's.
  const host =
    theme === "system" && matchMedia("(prefers-color-scheme: dark)").matches
      ? hostPages.dark
      : hostPages[theme === "dark" ? "dark" : "light"];
  document.body.style.background = host.background;
  return (
    <div data-host-page={theme} style={host}>
      {/* A light page leaves the theme to the provider's default: the contract is tested as used. */}
      <PlugboardProvider
        client={client}
        queryClient={queryClient}
        {...(theme === "light" ? {} : { theme })}
        {...(strings ? { strings } : {})}
      >
        <Story />
      </PlugboardProvider>
    </div>
  );
};

// Play functions' findBy* wait 1 s by default; under turbo's parallel load on 2 cores the first
// story of a file can take longer to load. A real failure still fails, only later.
configure({ asyncUtilTimeout: 5000 });

const preview: Preview = {
  // A Docs page with a props table for every component (@storybook/addon-docs).
  tags: ["autodocs"],
  loaders: [
    mswLoader(async () => {
      const worker = setupWorker();
      // Requests no handler claims (Vite modules, assets, images) go to the network as usual.
      await worker.start({ onUnhandledRequest: "bypass", quiet: true });
      return worker;
    }),
    freshDefaultMock,
    queryClientLoader,
  ],
  decorators: [withPlugboard],
  globalTypes: {
    theme: {
      description: "Plugboard theme passed to <PlugboardProvider theme>",
      toolbar: {
        title: "Theme",
        icon: "mirror",
        items: [
          { value: "light", title: "Light", icon: "sun" },
          { value: "dark", title: "Dark", icon: "moon" },
          { value: "system", title: "System", icon: "browser" },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: "Strings passed to <PlugboardProvider strings>",
      toolbar: {
        title: "Locale",
        icon: "globe",
        items: [
          { value: "en", title: "English" },
          { value: "de", title: "Deutsch" },
        ],
        dynamicTitle: true,
      },
    },
  },
  // VITE_PB_STORY_THEME=dark runs the story tests (and their axe checks) on a dark host page.
  initialGlobals: { theme: import.meta.env.VITE_PB_STORY_THEME ?? "light", locale: "en" },
  parameters: {
    layout: "padded",
    // The widths the layout stories check (atWidth in src/test/layout.ts); the toolbar offers them.
    viewport: { options: layoutViewports },
    msw: { handlers: defaultHandlers },
    // axe runs on every story after its play function, in the story tests too: a violation fails.
    a11y: { test: "error" },
  },
};

export default preview;
