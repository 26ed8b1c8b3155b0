import { fromBase64 } from "../../crypto/encoding";

/**
 * Just enough of an X.509 reader for the admin screens: the subject, the expiry and the SHA-256
 * fingerprint. DER walked by hand and hashed with WebCrypto, so it runs in the browser too
 * (Storybook's mock server); signatures are checked elsewhere (node-saml, xml-crypto).
 */
export interface X509Summary {
  /** Uppercase hex with colons, as `openssl x509 -fingerprint -sha256` prints it. */
  fingerprint256: string;
  /** `CN=idp.example.com, O=Example`: the usual attributes, in the certificate's order. */
  subject: string;
  validTo: Date;
}

interface Node {
  tag: number;
  /** First content byte. */
  start: number;
  /** One past the last content byte. */
  end: number;
}

function readNode(der: Uint8Array, offset: number): Node {
  const tag = der[offset];
  let length = der[offset + 1];
  if (tag === undefined || length === undefined) throw new Error("truncated");
  let start = offset + 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    if (bytes === 0 || bytes > 4) throw new Error("bad length");
    length = 0;
    for (let i = 0; i < bytes; i++) length = length * 256 + (der[start + i] ?? Number.NaN);
    start += bytes;
  }
  const end = start + length;
  if (!Number.isFinite(end) || end > der.length) throw new Error("truncated");
  return { tag, start, end };
}

function children(der: Uint8Array, node: Node): Node[] {
  const nodes: Node[] = [];
  for (let offset = node.start; offset < node.end; ) {
    const child = readNode(der, offset);
    nodes.push(child);
    offset = child.end;
  }
  return nodes;
}

const names: Record<string, string> = {
  "2.5.4.3": "CN",
  "2.5.4.6": "C",
  "2.5.4.7": "L",
  "2.5.4.8": "ST",
  "2.5.4.10": "O",
  "2.5.4.11": "OU",
};

function oid(bytes: Uint8Array): string {
  const parts = [Math.floor((bytes[0] ?? 0) / 40), (bytes[0] ?? 0) % 40];
  let value = 0;
  for (const byte of bytes.subarray(1)) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join(".");
}

const text = (der: Uint8Array, node: Node) =>
  new TextDecoder().decode(der.subarray(node.start, node.end));

function distinguishedName(der: Uint8Array, name: Node): string {
  return children(der, name)
    .flatMap((set) => children(der, set))
    .flatMap((pair) => {
      const [type, value] = children(der, pair);
      const short = type && names[oid(der.subarray(type.start, type.end))];
      return short && value ? [`${short}=${text(der, value)}`] : [];
    })
    .join(", ");
}

/** UTCTime (YYMMDDHHMMSSZ) or GeneralizedTime (YYYYMMDDHHMMSSZ). */
function time(der: Uint8Array, node: Node): Date {
  const value = text(der, node);
  const digits = /^(\d{2}|\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!digits) throw new Error("bad time");
  const [, y, mo, d, h, mi, s] = digits.map(Number) as number[];
  const year = node.tag === 0x17 ? ((y as number) < 50 ? 2000 : 1900) + (y as number) : y;
  return new Date(Date.UTC(year as number, (mo as number) - 1, d, h, mi, s));
}

/** Reads a PEM certificate; throws when it is not one. */
export async function summarizeCertificate(pem: string): Promise<X509Summary> {
  const body = pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, "").replace(/\s+/g, "");
  const der = fromBase64(body);
  const certificate = readNode(der, 0);
  if (certificate.tag !== 0x30 || certificate.end !== der.length) throw new Error("not DER");
  const [tbs] = children(der, certificate);
  if (tbs?.tag !== 0x30) throw new Error("no tbsCertificate");
  const fields = children(der, tbs);
  // [0] version is optional (v1 certificates leave it out).
  const rest = fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
  const [, , , validity, subject] = rest;
  if (validity?.tag !== 0x30 || subject?.tag !== 0x30) throw new Error("no validity");
  const notAfter = children(der, validity)[1];
  if (!notAfter) throw new Error("no notAfter");
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", der));
  return {
    fingerprint256: [...digest]
      .map((byte) => byte.toString(16).padStart(2, "0").toUpperCase())
      .join(":"),
    subject: distinguishedName(der, subject),
    validTo: time(der, notAfter),
  };
}
