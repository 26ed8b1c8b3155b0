import type { Keyring, SsoConnectionRecord, SsoDomainRecord, Store } from "@plugboard/server";

const DAY = 86_400_000;
const pem = (body: string) =>
  `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)?.join("\n")}\n-----END CERTIFICATE-----`;

/**
 * The IdP's signing certificates, mid-rotation: the new one (valid until 2036) and the old one,
 * which expires on 2026-12-15 — within 30 days, or past, so the list always warns about it.
 */
export const fixtureSamlCertificates = {
  current: pem(
    "MIIDLzCCAhegAwIBAgIULFDif/L1xFrRsdQNPxyiuwABJs4wDQYJKoZIhvcNAQELBQAwJzEWMBQGA1UEAwwNaWRwLmFjbWUudGVzdDENMAsGA1UECgwEQWNtZTAeFw0yNjExMzAyMzI2NTlaFw0zNjExMjcyMzI2NTlaMCcxFjAUBgNVBAMMDWlkcC5hY21lLnRlc3QxDTALBgNVBAoMBEFjbWUwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQC87hzslm1BMFhXGYG/YAfJy7yzNJb291C1Gj9bTkZMYwffhTUWwYVboQgSH/KK+sWw6ZbggFauMD7FtLw7y1e5k03FuMDugtyOLF6mLhfq1WUH+Dc3rjjmj3RsTkWROpPsjPttit+ORmPiMGDO1+ADAswwC/dQfFg3zsn567FkL3MwM3lXCv6aOFUF4J0bhHcVjww0DQ/0a4xJTBNsfMiPwdjbfgj3hd/hbEHW+VTobvuphvPE3pWzWw+fozAPbW4S403g92Rjrxi6JdZMIFstgg11WDDD/dadG64C0QCwjf/dFM/pCnpaQ8iyzS+qTh09RoIkfmBROv9/ZL5a1e9VAgMBAAGjUzBRMB0GA1UdDgQWBBSoA32oGJehj35GQQD1SHKnXRPQFDAfBgNVHSMEGDAWgBSoA32oGJehj35GQQD1SHKnXRPQFDAPBgNVHRMBAf8EBTADAQH/MA0GCSqGSIb3DQEBCwUAA4IBAQCF2gFIWbxXDFejoaH7VK2/lnJACrY9wiHt9xRMOBkNw7xIa6VrSsy1vJW5fbFSl/nZDMdlojZgHI2J43GuMywc7WguOYprGmcovJ5HP2+0GlXj1Z0k3pK3/a9bGTNKybOhE+6klR3hskdSsUBx2ViXo9tkoPeE91L3J+Ckxm65BuI0rIc16qLjmwXCU4a5MHbrJ9+7FAskEmiBf+j1u9w/p4hvXpS7KerZEhpQtB/EUdYRcRJp52Ag6w5zqYrtw2KuxoG5S0xyN0sd3bp9ouQHfSAXO3BSbbzX6N1v9YcqtRir5zQVEtnGtnUaBxn7pFuqvjLNpPPPpf2hjPJT/QLe",
  ),
  expiring: pem(
    "MIIDLzCCAhegAwIBAgIUKFyB+VEZKj9Z+z9ljreluTTK/pYwDQYJKoZIhvcNAQELBQAwJzEWMBQGA1UEAwwNaWRwLmFjbWUudGVzdDENMAsGA1UECgwEQWNtZTAeFw0yNjExMzAyMzI3MDBaFw0yNjEyMTUyMzI3MDBaMCcxFjAUBgNVBAMMDWlkcC5hY21lLnRlc3QxDTALBgNVBAoMBEFjbWUwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQCatkwbe9SsPgH2JPjGweonpMDHDoo3WozqzmYKbUL0ViWK785IvfPPdWretysbFO+tTbK1bndwVn63nTUH95AA38PjnyQZyfPVMmEXOMmfAtRuWl+W2AibGcu2Vs4xA3CiZoasQMYHiH8t4noWXwZoFINh67zbK6BZRzCkTnbs9vXeCblxYpMHteTFsB5y8vyJmG0DwWjKu5EhZpwoUZnbItUnAyti7TLXiUmfy7cd5B8JeiWfy4csLqDJSuAdbP3QOqEhuhgfR+te4aYGTHINsOxDBPkTjkJmBC7jmDr4gk+QJaxNQYSpF2ufNpig4mzUssYx2OWLqBqMZoL9YvRzAgMBAAGjUzBRMB0GA1UdDgQWBBSfuXNr899cY21wn5TcIdTEZbu5QDAfBgNVHSMEGDAWgBSfuXNr899cY21wn5TcIdTEZbu5QDAPBgNVHRMBAf8EBTADAQH/MA0GCSqGSIb3DQEBCwUAA4IBAQBgbWy4YSoZI6OECoeSsF+vUV6nKRGGm1iSCgZV8Wp+WyQ+jWo/JPdCzkpZyPBnQQRkMWFyQ+VdgO1TkbbWOadsK8mZAX0Y4dcfDdjMH1bgQ8t75AGb0twyoNr97a/jnmum9ciYOd65ELYNNdcuCEj7NIMKuw+EWxTL2Y4Qb9Oa+jbov5MVFtaVOJlVtRjNjnAV8J114SOZYEHpWA7tn/qJww5ilmCEg0oJgwfr+Piei4RjGW4GmEWQ/ce7TXHAOevxa+WwC3u6XAl0xu3dnLfUO/mICuvQLS+yD+fYTodaMhk/44gTR7i58A7E9OfVwA1YPWDV/gjIbEytbydkhB1+",
  ),
};

/**
 * Acme's SSO: Okta over SAML (enabled, rotating its key) and Google Workspace over OIDC
 * (disabled), acme.test verified and acme-labs.test pending, and two recent sign-ins.
 */
export async function seedSso(store: Store, keyring: Keyring, now = Date.now()): Promise<void> {
  const common = {
    organizationId: "org_acme",
    enabled: true,
    attributeMapping: { email: "email", name: "displayName", groups: "groups" },
    groupRoles: {},
    saml: null,
    oidc: null,
    clientSecretCiphertext: null,
    createdAt: now - 40 * DAY,
    updatedAt: now - 2 * DAY,
  } satisfies Partial<SsoConnectionRecord>;
  const connections: SsoConnectionRecord[] = [
    {
      ...common,
      id: "ssoc_okta",
      name: "Okta",
      protocol: "saml",
      groupRoles: { "plugboard-admins": "admin" },
      saml: {
        idpEntityId: "http://www.okta.com/exk1acme",
        ssoUrl: "https://acme.okta.test/app/plugboard/sso/saml",
        metadataUrl: "https://acme.okta.test/app/exk1acme/sso/saml/metadata",
        certificates: [fixtureSamlCertificates.current, fixtureSamlCertificates.expiring],
        allowIdpInitiated: false,
      },
    },
    {
      ...common,
      id: "ssoc_google",
      name: "Google Workspace",
      protocol: "oidc",
      enabled: false,
      createdAt: now - 10 * DAY,
      attributeMapping: { email: "email", name: "name", groups: "groups" },
      oidc: {
        issuer: "https://accounts.google.com",
        clientId: "1234-acme.apps.googleusercontent.com",
        scopes: ["openid", "email", "profile"],
        allowUnverifiedEmail: false,
      },
      clientSecretCiphertext: await keyring.encrypt(
        "mock-google-sso-secret",
        "sso-connection:ssoc_google",
      ),
    },
  ];
  for (const connection of connections) await store.sso.createConnection(connection);
  const domain = (record: Pick<SsoDomainRecord, "id" | "domain">): SsoDomainRecord => ({
    organizationId: "org_acme",
    token: `mock-token-${record.domain}`,
    tokenExpiresAt: now + 5 * DAY,
    verifiedAt: null,
    createdAt: now - 2 * DAY,
    ...record,
  });
  await store.sso.addDomain(domain({ id: "ssod_acme", domain: "acme.test" }));
  await store.sso.verifyDomain("org_acme", "ssod_acme", now - DAY);
  await store.sso.addDomain(domain({ id: "ssod_labs", domain: "acme-labs.test" }));
  const attempt = { organizationId: "org_acme", connectionId: "ssoc_okta", detail: null };
  await store.sso.recordAttempt({
    ...attempt,
    id: "ssoa_1",
    at: now - 3 * 3_600_000,
    outcome: "succeeded",
    reason: null,
    email: "ada@acme.test",
  });
  await store.sso.recordAttempt({
    ...attempt,
    id: "ssoa_2",
    at: now - 3_600_000,
    outcome: "refused",
    reason: "signature_invalid",
    detail: "The response is not signed by the IdP's certificate",
    email: null,
  });
}
