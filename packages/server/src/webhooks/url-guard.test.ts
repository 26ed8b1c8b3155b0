import { describe, expect, it } from "vitest";
import { isPublicAddress, parseIp } from "./ip-address";
import { createUrlGuard } from "./url-guard";

const isPublic = (address: string) => {
  const bytes = parseIp(address);
  if (!bytes) throw new Error(`unparsed: ${address}`);
  return isPublicAddress(bytes);
};

describe("SSRF guard", () => {
  it.each([
    "127.0.0.1",
    "127.255.0.9",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "198.18.0.1",
    "::1",
    "::",
    "fe80::1",
    "fc00::1",
    "fd12:3456::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:10.0.0.1",
    "::ffff:169.254.169.254",
    "64:ff9b::a9fe:a9fe",
    "2002:7f00:1::",
    "2001:db8::1",
    "[::1]",
    "fe80::1%eth0",
  ])("refuses %s", (address) => {
    expect(isPublic(address)).toBe(false);
  });

  it.each([
    "93.184.216.34",
    "8.8.8.8",
    "172.32.0.1",
    "2606:4700:4700::1111",
    "::ffff:93.184.216.34",
    "64:ff9b::808:808",
  ])("allows %s", (address) => {
    expect(isPublic(address)).toBe(true);
  });

  it("does not take malformed addresses for IPs", () => {
    for (const text of [
      "1.2.3",
      "1.2.3.256",
      "1:2:3",
      "::1::",
      "example.com",
      "1:2:3:4:5:6:7:8:9",
    ]) {
      expect(parseIp(text), text).toBeNull();
    }
  });

  const publicDns = async () => ["93.184.216.34"];

  it("allows https to public hosts, refuses http unless opted in", async () => {
    const guard = createUrlGuard({ resolveHost: publicDns });
    expect(await guard("https://example.com/hooks")).toEqual({ ok: true });
    expect(await guard("http://example.com/hooks")).toMatchObject({
      ok: false,
      code: "insecure_url",
    });
    expect(await guard("ftp://example.com/hooks")).toMatchObject({
      ok: false,
      code: "insecure_url",
    });
    const http = createUrlGuard({ resolveHost: publicDns, allowHttp: true });
    expect(await http("http://example.com/hooks")).toEqual({ ok: true });
  });

  it("refuses IP literals in every spelling the URL parser normalizes", async () => {
    const guard = createUrlGuard({ resolveHost: publicDns });
    for (const url of [
      "https://127.0.0.1/",
      "https://2130706433/",
      "https://0x7f.1/",
      "https://[::1]/",
      "https://[::ffff:127.0.0.1]/",
      "https://[::ffff:a9fe:a9fe]/",
    ]) {
      expect(await guard(url), url).toMatchObject({ ok: false, code: "blocked_address" });
    }
  });

  it("refuses a name when any of its addresses is private, or when it does not resolve", async () => {
    const guard = createUrlGuard({
      resolveHost: async (host) => {
        if (host === "mixed.example.com") return ["93.184.216.34", "10.0.0.1"];
        if (host === "v6.example.com") return ["fd00::5"];
        throw new Error("ENOTFOUND");
      },
    });
    expect(await guard("https://mixed.example.com/")).toMatchObject({ code: "blocked_address" });
    expect(await guard("https://v6.example.com/")).toMatchObject({ code: "blocked_address" });
    expect(await guard("https://nowhere.example.com/")).toMatchObject({
      code: "unresolvable_host",
    });
  });

  it("lets an allow-list open exactly the listed ranges", async () => {
    const guard = createUrlGuard({
      allowHttp: true,
      allowAddresses: ["127.0.0.1", "fd00::/8"],
      resolveHost: async () => ["fd00::5"],
    });
    expect(await guard("http://127.0.0.1:8080/")).toEqual({ ok: true });
    expect(await guard("http://127.0.0.2/")).toMatchObject({ ok: false });
    expect(await guard("http://[::1]/")).toMatchObject({ ok: false });
    expect(await guard("http://internal.example.com/")).toEqual({ ok: true });
  });

  it("resolves names with Node's DNS by default: localhost is refused", async () => {
    const guard = createUrlGuard();
    expect(await guard("https://localhost/")).toMatchObject({ ok: false, code: "blocked_address" });
  });
});
