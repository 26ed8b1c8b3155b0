import { createPlugboardClient } from "@plugboard/client";
import { fixtureIdentities, plugboardHandlers } from "@plugboard/mocks";
import { render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ApiKeysManager } from "../api-keys/api-keys-manager";
import { testBaseUrl } from "../test/render";
import { server } from "../test/server";
import { createPlugboardQueryClient, PlugboardProvider } from "./plugboard-provider";

describe("PlugboardProvider", () => {
  it("drops the previous user's data when identityKey changes", async () => {
    const client = createPlugboardClient({ baseUrl: testBaseUrl });
    const queryClient = createPlugboardQueryClient();
    queryClient.setDefaultOptions({ queries: { retry: false } });
    const page = (identityKey: string) => (
      <PlugboardProvider client={client} queryClient={queryClient} identityKey={identityKey}>
        <ApiKeysManager />
      </PlugboardProvider>
    );
    server.use(...plugboardHandlers());
    const { rerender } = render(page("org_acme:admin"));
    const adminTable = await screen.findByRole("table", { name: "API keys" });
    expect(within(adminTable).getByRole("row", { name: /CI deploy/ })).toBeInTheDocument();

    // The host signs in as a member without a reload: the admin's keys must not stay on screen.
    server.use(...plugboardHandlers({ identity: fixtureIdentities.member }));
    rerender(page("org_acme:member"));
    await waitFor(() =>
      expect(screen.queryByRole("row", { name: /CI deploy/ })).not.toBeInTheDocument(),
    );
    const memberTable = await screen.findByRole("table", { name: "API keys" });
    await waitFor(() => expect(within(memberTable).getAllByRole("row")).toHaveLength(2));
    expect(within(memberTable).queryByRole("row", { name: /CI deploy/ })).not.toBeInTheDocument();
  });

  it("keeps the cache while the identity stays the same", async () => {
    const client = createPlugboardClient({ baseUrl: testBaseUrl });
    const queryClient = createPlugboardQueryClient();
    let requests = 0;
    server.events.on("request:start", () => {
      requests += 1;
    });
    server.use(...plugboardHandlers());
    const page = (
      <PlugboardProvider client={client} queryClient={queryClient} identityKey="org_acme:admin">
        <ApiKeysManager />
      </PlugboardProvider>
    );
    const { rerender } = render(page);
    await screen.findByRole("table", { name: "API keys" });
    rerender(page);
    expect(screen.getByRole("table", { name: "API keys" })).toBeInTheDocument();
    expect(requests).toBe(1);
    server.events.removeAllListeners();
  });
});
