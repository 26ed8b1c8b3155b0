import {
  createMockPlugboard,
  fixtureGitHubToken,
  fixtureIdentities,
  mockPlugboardHandlers,
} from "@plugboard/mocks";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { IntegrationCard } from "../integrations/integration-card";
import { renderWithPlugboard } from "../test/render";
import { server } from "../test/server";
import { LinkedRepositories } from "./linked-repositories";

function mockKit(options: Parameters<typeof createMockPlugboard>[0] = {}) {
  const mock = createMockPlugboard(options);
  server.use(...mockPlugboardHandlers(mock));
  return mock;
}

/** The GitHub card, and the project's repositories once "Open project" is clicked. */
function CardThenProject() {
  const [shown, setShown] = useState(false);
  return (
    <>
      <IntegrationCard provider="github" />
      <button type="button" onClick={() => setShown(true)}>
        Open project
      </button>
      {shown && <LinkedRepositories projectId="prj_web" />}
    </>
  );
}

describe("LinkedRepositories", () => {
  it("lists linked repositories and recent references, newest first", async () => {
    mockKit();
    renderWithPlugboard(<LinkedRepositories projectId="prj_web" />);

    const region = await screen.findByRole("region", { name: "Linked repositories" });
    const linked = await within(region).findByRole("list", { name: "Linked repositories" });
    expect(within(linked).getByText("acme-inc/web")).toBeInTheDocument();
    const activity = within(region).getByRole("list", { name: "Recent pull requests and commits" });
    const links = within(activity).getAllByRole("link");
    expect(links.map((link) => link.textContent)).toEqual([
      "acme-inc/web #42: Fix the login redirect",
      "acme-inc/web 0123456: PLANE-7 tighten the session cookie",
    ]);
    expect(links[0]).toHaveAttribute("href", "https://github.com/acme-inc/web/pull/42");
    expect(within(activity).getByText("PLANE-12")).toBeInTheDocument();
    expect(within(activity).getByText(/Merged · octocat/)).toBeInTheDocument();
  });

  it("links a repository from the installation's list and unlinks it", async () => {
    mockKit();
    renderWithPlugboard(<LinkedRepositories projectId="prj_web" />);
    const region = await screen.findByRole("region", { name: "Linked repositories" });
    const select = await within(region).findByRole("combobox", { name: "Repository" });
    await waitFor(() => expect(select).toBeEnabled());
    await userEvent.click(select);
    const listbox = await screen.findByRole("listbox");
    // acme-inc/web is linked already, so it is not offered again.
    expect(
      within(listbox)
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual(["acme-inc/api", "acme-inc/docs"]);
    await userEvent.click(within(listbox).getByRole("option", { name: "acme-inc/api" }));
    await userEvent.click(within(region).getByRole("button", { name: "Link repository" }));
    const linked = within(region).getByRole("list", { name: "Linked repositories" });
    expect(await within(linked).findByText("acme-inc/api")).toBeInTheDocument();

    await userEvent.click(within(region).getByRole("button", { name: "Unlink acme-inc/web" }));
    await waitFor(() => expect(within(linked).queryByText("acme-inc/web")).not.toBeInTheDocument());
  });

  it("asks to install GitHub first when it is not installed", async () => {
    mockKit({ fixtures: "empty" });
    renderWithPlugboard(<LinkedRepositories projectId="prj_web" />);
    // The loading skeleton is a status too: wait for the one that says what to do.
    await waitFor(() =>
      expect(screen.getByRole("status")).toHaveTextContent(
        "Install GitHub to link its repositories to this project.",
      ),
    );
  });

  it("shows members the links without the controls to change them", async () => {
    mockKit({ identity: fixtureIdentities.member });
    renderWithPlugboard(<LinkedRepositories projectId="prj_web" />);
    const region = await screen.findByRole("region", { name: "Linked repositories" });
    const unlink = await within(region).findByRole("button", { name: "Unlink acme-inc/web" });
    expect(unlink).toHaveAttribute("aria-disabled", "true");
    expect(within(region).queryByRole("combobox")).not.toBeInTheDocument();
    expect(
      within(region).getByText("Only admins can link and unlink repositories."),
    ).toBeInTheDocument();
  });

  it("turns the GitHub card to needs-reconnect as soon as the repository list fails at GitHub", async () => {
    const mock = mockKit();
    renderWithPlugboard(<CardThenProject />);
    const card = await screen.findByRole("article", { name: "GitHub" });
    await waitFor(() => expect(card).toHaveAttribute("data-state", "installed"));

    // The user revokes the app on github.com: the token the server holds is dead.
    const { clientId, clientSecret } = mock.github;
    const revoked = await fetch(`https://api.github.com/applications/${clientId}/grant`, {
      method: "DELETE",
      headers: { authorization: `Basic ${btoa(`${clientId}:${clientSecret}`)}` },
      body: JSON.stringify({ access_token: fixtureGitHubToken }),
    });
    expect(revoked.status).toBe(204);

    await userEvent.click(screen.getByRole("button", { name: "Open project" }));
    // The repository list fails at GitHub; the card says so at once, without a reload.
    await waitFor(() => expect(card).toHaveAttribute("data-state", "needs-reconnect"));
    expect(within(card).getByRole("button", { name: "Reconnect" })).toBeInTheDocument();
  });
});
