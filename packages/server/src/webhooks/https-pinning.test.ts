import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TLSSocket } from "node:tls";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { webhookAttemptSchema } from "@plugboard/core";
import { listenOnLoopback } from "@plugboard/provider-simulators/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

/*
 * The HTTPS half of pinning.test.ts. The sender runs in a child process (https-sender.fixture.ts)
 * because trusting the throw-away CA takes NODE_EXTRA_CA_CERTS, which Node reads only at start-up.
 * The name below is in no DNS: the child's resolveHost alone maps it to 127.0.0.1.
 */

const host = "receiver.plugboard.test";
const fixture = fileURLToPath(new URL("./https-sender.fixture.ts", import.meta.url));
const run = promisify(execFile);

interface Received {
  host: string | undefined;
  servername: string | false | null;
  body: string;
}

let directory = "";
const cleanups: Array<() => Promise<void>> = [];

async function openssl(args: string[]): Promise<void> {
  try {
    await run("openssl", args, { cwd: directory });
  } catch (error) {
    // No skipping: without the CLI these tests cannot prove anything, so say so loudly.
    throw new Error(`the openssl CLI is required for the HTTPS pinning tests: openssl ${args[0]}`, {
      cause: error,
    });
  }
}

const ecKey = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];

/** A CA for the test run only; its own config, so the system openssl.cnf plays no part. */
async function createCa(): Promise<string> {
  await writeFile(
    join(directory, "ca.cnf"),
    [
      "[req]",
      "prompt = no",
      "distinguished_name = dn",
      "x509_extensions = ca",
      "[dn]",
      "CN = Plugboard test CA",
      "[ca]",
      "basicConstraints = critical, CA:TRUE",
      "keyUsage = critical, keyCertSign, cRLSign",
      "subjectKeyIdentifier = hash",
      "",
    ].join("\n"),
  );
  await openssl([
    ...["req", "-x509", "-config", "ca.cnf", ...ecKey],
    ...["-keyout", "ca.key", "-out", "ca.pem", "-days", "1"],
  ]);
  return join(directory, "ca.pem");
}

/** A server certificate signed by the test CA, valid for `name` only (SAN DNS). */
async function issue(name: string): Promise<{ key: string; cert: string }> {
  await writeFile(
    join(directory, `${name}.cnf`),
    [
      "[req]",
      "prompt = no",
      "distinguished_name = dn",
      "[dn]",
      `CN = ${name}`,
      "[leaf]",
      "basicConstraints = critical, CA:FALSE",
      "keyUsage = critical, digitalSignature",
      "extendedKeyUsage = serverAuth",
      `subjectAltName = DNS:${name}`,
      "authorityKeyIdentifier = keyid",
      "",
    ].join("\n"),
  );
  await openssl([
    ...["req", "-new", "-config", `${name}.cnf`, ...ecKey],
    ...["-keyout", `${name}.key`, "-out", `${name}.csr`],
  ]);
  await openssl([
    ...["x509", "-req", "-in", `${name}.csr`, "-CA", "ca.pem", "-CAkey", "ca.key", "-days", "1"],
    ...["-set_serial", `0x${randomBytes(8).toString("hex")}`],
    ...["-extfile", `${name}.cnf`, "-extensions", "leaf", "-out", `${name}.pem`],
  ]);
  return {
    key: await readFile(join(directory, `${name}.key`), "utf8"),
    cert: await readFile(join(directory, `${name}.pem`), "utf8"),
  };
}

/** An HTTPS server on loopback with `certificate` that records every request and answers 204. */
async function receiver(certificate: { key: string; cert: string }) {
  const received: Received[] = [];
  const server: Server = createServer(certificate, (request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({
        host: request.headers.host,
        servername: (request.socket as TLSSocket).servername,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      response.writeHead(204);
      response.end();
    });
  });
  const { port, close } = await listenOnLoopback(server);
  cleanups.push(close);
  return { port, received };
}

/**
 * Runs the fixture: it saves `endpointUrl`, sends the test message and answers the attempt and
 * the names its resolveHost was asked for. `caFile` becomes NODE_EXTRA_CA_CERTS; without it the
 * child trusts only Node's own CA store.
 */
async function sendFromChild(endpointUrl: string, caFile?: string) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PLUGBOARD_ENDPOINT_URL: endpointUrl,
    PLUGBOARD_PINNED_HOST: host,
  };
  // Nothing inherited may loosen or widen the certificate check.
  delete env.NODE_TLS_REJECT_UNAUTHORIZED;
  delete env.NODE_EXTRA_CA_CERTS;
  if (caFile) env.NODE_EXTRA_CA_CERTS = caFile;
  const child = spawn(
    process.execPath,
    ["--conditions=@plugboard/source", "--import", "tsx", fixture],
    { env, stdio: ["ignore", "pipe", "pipe"] },
  );
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve(code));
  });
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited.catch(() => {});
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const code = await exited;
  if (code !== 0) throw new Error(`the sender exited with ${code}:\n${stderr}`);
  const line = stdout.trim().split("\n").at(-1) ?? "";
  const output = JSON.parse(line) as { attempt: unknown; resolved: string[] };
  return { attempt: webhookAttemptSchema.parse(output.attempt), resolved: output.resolved };
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "plugboard-https-pinning-"));
});

afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

afterAll(async () => {
  if (directory) await rm(directory, { recursive: true, force: true });
});

describe("outgoing webhooks over HTTPS: pinned to the checked address, verified for the URL's host", () => {
  // Made by the first test that needs them; awaited in each test, so a missing openssl fails
  // every test rather than marking them skipped.
  let trusted: Promise<{ caFile: string; certificate: { key: string; cert: string } }> | undefined;
  const pki = () => {
    trusted ??= (async () => {
      const caFile = await createCa();
      return { caFile, certificate: await issue(host) };
    })();
    return trusted;
  };

  it("connects to the checked address while SNI, Host and the certificate check use the host name", async () => {
    const { caFile, certificate } = await pki();
    const target = await receiver(certificate);

    const { attempt, resolved } = await sendFromChild(
      `https://${host}:${target.port}/hooks`,
      caFile,
    );

    expect(attempt).toMatchObject({ status: "succeeded", responseStatus: 204, error: null });
    expect(target.received).toHaveLength(1);
    expect(target.received[0]?.host).toBe(`${host}:${target.port}`);
    expect(target.received[0]?.servername).toBe(host);
    expect(JSON.parse(target.received[0]?.body ?? "null")).toMatchObject({ type: "webhook.test" });
    // At save, at the send-time check, and by the pinned lookup the socket connected through.
    expect(resolved).toEqual([host, host, host]);
  }, 15_000);

  it("still refuses a certificate that does not cover the URL's host", async () => {
    const { caFile } = await pki();
    // Signed by the trusted CA, served at the address the name is pinned to, but for another name.
    const target = await receiver(await issue("other.plugboard.test"));

    const { attempt, resolved } = await sendFromChild(
      `https://${host}:${target.port}/hooks`,
      caFile,
    );

    expect(attempt).toMatchObject({ status: "failed", responseStatus: null });
    expect(attempt.error).toMatch(/^network: .*altnames/);
    expect(attempt.error).toContain(host);
    expect(target.received).toHaveLength(0);
    expect(resolved).toEqual([host, host, host]);
  }, 15_000);

  it("refuses the certificate when its CA is not trusted", async () => {
    const { certificate } = await pki();
    const target = await receiver(certificate);

    const { attempt } = await sendFromChild(`https://${host}:${target.port}/hooks`);

    expect(attempt).toMatchObject({ status: "failed", responseStatus: null });
    expect(attempt.error).toMatch(/^network: unable to verify the first certificate/);
    expect(target.received).toHaveLength(0);
  }, 15_000);
});
