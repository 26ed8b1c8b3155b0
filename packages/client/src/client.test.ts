import { PlugboardError } from "@plugboard/core";
import { describe, expect, it } from "vitest";
import { createPlugboardClient } from "./create-client";
import { close, listen, startPlugboard } from "./test/loopback";

describe("createPlugboardClient against a real server", () => {
  it("lists the catalog and sees an installation it made", async () => {
    const { baseUrl } = await startPlugboard();
    const client = createPlugboardClient({ baseUrl, headers: { "x-user": "ada" } });

    const before = await client.integrations.list();
    expect(before.data.map((entry) => entry.id)).toEqual([
      "github",
      "slack",
      "google-calendar",
      "pumble",
      "jira",
    ]);
    expect(before.data.every((entry) => !entry.installed)).toBe(true);

    const installation = await client.integrations.installWebhook("pumble", {
      webhookUrl: "https://api.pumble.com/workspaces/w1/incomingWebhooks/postMessage/secret",
    });
    expect(installation).toMatchObject({ provider: "pumble", level: "organization" });

    const pumble = await client.integrations.get("pumble");
    expect(pumble.installed).toBe(true);
    expect(JSON.stringify(pumble)).not.toContain("secret");

    await client.integrations.uninstall("pumble", installation.id);
    expect((await client.integrations.get("pumble")).installed).toBe(false);
  });

  it("turns problem+json into a PlugboardError with status, code, detail and field errors", async () => {
    const { baseUrl } = await startPlugboard();
    const client = createPlugboardClient({ baseUrl, headers: { "x-user": "ada" } });

    const error = await client.integrations
      .installWebhook("pumble", { webhookUrl: "https://example.com/hook" })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(PlugboardError);
    expect(error).toMatchObject({ status: 400, code: "validation_failed" });
    expect((error as PlugboardError).fieldError("webhookUrl")).toMatch(/Pumble/);
  });

  it("reports 401 and 403 with their codes", async () => {
    const { baseUrl } = await startPlugboard();
    const anonymous = createPlugboardClient({ baseUrl });
    await expect(anonymous.integrations.list()).rejects.toMatchObject({
      status: 401,
      code: "unauthenticated",
    });

    const member = createPlugboardClient({ baseUrl, headers: () => ({ "x-user": "grace" }) });
    await expect(member.integrations.list()).resolves.toBeTruthy();
    await expect(
      member.integrations.installWebhook("pumble", { webhookUrl: "https://api.pumble.com/x" }),
    ).rejects.toMatchObject({ status: 403, code: "forbidden" });
  });

  it("calls a headers function on every request", async () => {
    const { baseUrl } = await startPlugboard();
    let user = "nobody";
    const client = createPlugboardClient({ baseUrl, headers: async () => ({ "x-user": user }) });

    await expect(client.integrations.list()).rejects.toMatchObject({ status: 401 });
    user = "ada";
    await expect(client.integrations.list()).resolves.toBeTruthy();
  });
});

describe("createPlugboardClient when the answer is not Plugboard's", () => {
  it("keeps the status of a proxy's plain-text 502", async () => {
    const origin = await listen((_req, res) => {
      res.writeHead(502, { "content-type": "text/plain" }).end("Bad gateway");
    });
    const client = createPlugboardClient({ baseUrl: origin });

    await expect(client.integrations.list()).rejects.toMatchObject({
      name: "PlugboardError",
      status: 502,
      code: "internal_error",
    });
  });

  // The answer is typed by the contract, not parsed (the server validated it): only a body that
  // is not JSON at all, such as a captive portal's page, is refused.
  it("rejects a 200 whose body is not JSON", async () => {
    const origin = await listen((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" }).end("<html>Sign in to the Wi-Fi</html>");
    });
    const client = createPlugboardClient({ baseUrl: origin });

    await expect(client.integrations.list()).rejects.toMatchObject({ code: "invalid_response" });
  });

  it("fails with code timeout when the server is too slow", async () => {
    const origin = await listen(() => {
      /* never answers */
    });
    const client = createPlugboardClient({ baseUrl: origin, timeout: 100 });

    await expect(client.integrations.list()).rejects.toMatchObject({ code: "timeout" });
  });

  it("leaves a caller's abort as an AbortError", async () => {
    const origin = await listen(() => {
      /* never answers */
    });
    const client = createPlugboardClient({ baseUrl: origin });
    const controller = new AbortController();

    const pending = client.integrations.list({ signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });

  it("fails with code network_error when nothing listens", async () => {
    const origin = await listen(() => {});
    await close(origin);
    const client = createPlugboardClient({ baseUrl: origin });

    await expect(client.integrations.list()).rejects.toMatchObject({ code: "network_error" });
  });
});
