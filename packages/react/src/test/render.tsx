import { createPlugboardClient } from "@plugboard/client";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import {
  createPlugboardQueryClient,
  PlugboardProvider,
  type PlugboardTheme,
} from "../provider/plugboard-provider";
import type { PlugboardStringOverrides } from "../provider/strings";

export const testBaseUrl = "http://localhost/api/plugboard";

/** Renders inside a provider with a fresh cache and a client pointed at the msw handlers. */
export function renderWithPlugboard(
  ui: ReactElement,
  options: {
    theme?: PlugboardTheme;
    pollInterval?: number;
    strings?: PlugboardStringOverrides;
  } = {},
) {
  const queryClient = createPlugboardQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false } });
  const client = createPlugboardClient({ baseUrl: testBaseUrl });
  return {
    queryClient,
    ...render(
      <PlugboardProvider
        client={client}
        queryClient={queryClient}
        {...(options.theme ? { theme: options.theme } : {})}
        {...(options.pollInterval ? { pollInterval: options.pollInterval } : {})}
        {...(options.strings ? { strings: options.strings } : {})}
      >
        {ui}
      </PlugboardProvider>,
    ),
  };
}
