import { z } from "zod";
import { ssoProtocols, ssoTestMessageType } from "../sso/values";
import { roleSchema, timestampSchema } from "./common";

export const ssoProtocolSchema = z.enum(ssoProtocols);
export type SsoProtocol = z.infer<typeof ssoProtocolSchema>;

const httpUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .max(2048, "must be at most 2048 characters");

/** Which assertion attributes (SAML) or claims (OIDC) hold the email, the name and the groups. */
export const ssoAttributeMappingSchema = z.object({
  email: z.string().min(1).max(256).default("email"),
  name: z.string().min(1).max(256).default("name"),
  groups: z.string().min(1).max(256).default("groups"),
});
export type SsoAttributeMapping = z.infer<typeof ssoAttributeMappingSchema>;

/** An IdP group name → the host role its members get; the first matching group wins. */
export const ssoGroupRolesSchema = z.record(z.string().min(1).max(256), roleSchema);

/** A PEM certificate or its bare base64 body, as IdP metadata and admin screens show it. */
const certificateText = z.string().trim().min(64, "is not a certificate").max(16_384);

/**
 * SAML settings as an admin enters them: the IdP's metadata (a URL the server fetches, or the
 * XML uploaded), or the IdP's entity id, SSO URL and signing certificates by hand. Two
 * certificates are accepted while the IdP rotates its key.
 */
export const samlConfigInputSchema = z
  .object({
    metadataUrl: httpUrl.optional(),
    metadataXml: z.string().min(1).max(512_000).optional(),
    idpEntityId: z.string().trim().min(1, "is required").max(1024).optional(),
    ssoUrl: httpUrl.optional(),
    certificates: z.array(certificateText).min(1).max(2, "at most two (old and new)").optional(),
    /** Accept responses the IdP sends unasked (IdP-initiated login). Off: every response must answer our request. */
    allowIdpInitiated: z.boolean().default(false),
  })
  .refine(
    (value) =>
      value.metadataUrl !== undefined ||
      value.metadataXml !== undefined ||
      (value.idpEntityId !== undefined &&
        value.ssoUrl !== undefined &&
        value.certificates !== undefined),
    {
      message: "Give the IdP's metadata (URL or XML), or its entity id, SSO URL and certificates",
    },
  );
export type SamlConfigInput = z.input<typeof samlConfigInputSchema>;

export const oidcConfigInputSchema = z.object({
  /** The issuer; its `/.well-known/openid-configuration` is read. */
  issuer: httpUrl,
  clientId: z.string().trim().min(1, "is required").max(512),
  clientSecret: z.string().min(1, "is required").max(2048),
  scopes: z
    .array(z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/))
    .max(20)
    .default(["openid", "email", "profile"]),
  /** Accept an ID token whose `email_verified` is not true. Off by default. */
  allowUnverifiedEmail: z.boolean().default(false),
});
export type OidcConfigInput = z.input<typeof oidcConfigInputSchema>;

const connectionCommon = {
  name: z.string().trim().min(1, "is required").max(100),
  enabled: z.boolean().default(true),
  attributeMapping: ssoAttributeMappingSchema.default({
    email: "email",
    name: "name",
    groups: "groups",
  }),
  groupRoles: ssoGroupRolesSchema.default({}),
};

export const createSsoConnectionSchema = z.discriminatedUnion("protocol", [
  z.object({ protocol: z.literal("saml"), ...connectionCommon, saml: samlConfigInputSchema }),
  z.object({ protocol: z.literal("oidc"), ...connectionCommon, oidc: oidcConfigInputSchema }),
]);
export type CreateSsoConnectionInput = z.input<typeof createSsoConnectionSchema>;

/** Every field optional; a protocol's block replaces the stored one (the OIDC secret may be left out to keep it). */
export const updateSsoConnectionSchema = z.object({
  name: connectionCommon.name.optional(),
  enabled: z.boolean().optional(),
  attributeMapping: ssoAttributeMappingSchema.optional(),
  groupRoles: ssoGroupRolesSchema.optional(),
  saml: samlConfigInputSchema.optional(),
  oidc: oidcConfigInputSchema
    .extend({ clientSecret: z.string().min(1).max(2048).optional() })
    .optional(),
});
export type UpdateSsoConnectionInput = z.input<typeof updateSsoConnectionSchema>;

export const ssoCertificateSchema = z.object({
  /** SHA-256 of the DER certificate, hex with colons. */
  fingerprint: z.string(),
  subject: z.string(),
  expiresAt: timestampSchema,
  /** Within 30 days of expiry, or past it. */
  expiringSoon: z.boolean(),
});
export type SsoCertificate = z.infer<typeof ssoCertificateSchema>;

export const ssoConnectionSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  name: z.string(),
  protocol: ssoProtocolSchema,
  enabled: z.boolean(),
  attributeMapping: ssoAttributeMappingSchema,
  groupRoles: ssoGroupRolesSchema,
  saml: z
    .object({
      idpEntityId: z.string(),
      ssoUrl: z.string(),
      metadataUrl: z.string().nullable(),
      certificates: z.array(ssoCertificateSchema),
      allowIdpInitiated: z.boolean(),
    })
    .nullable(),
  /** The client secret is never returned. */
  oidc: z
    .object({
      issuer: z.string(),
      clientId: z.string(),
      scopes: z.array(z.string()),
      allowUnverifiedEmail: z.boolean(),
    })
    .nullable(),
  /** What to enter at the IdP. */
  serviceProvider: z.object({
    entityId: z.string(),
    acsUrl: z.string().nullable(),
    metadataUrl: z.string().nullable(),
    redirectUri: z.string().nullable(),
  }),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type SsoConnection = z.infer<typeof ssoConnectionSchema>;

export const ssoConnectionListSchema = z.object({ data: z.array(ssoConnectionSchema) });
export type SsoConnectionList = z.infer<typeof ssoConnectionListSchema>;

export const addSsoDomainSchema = z.object({
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .max(253)
    .regex(
      /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/,
      "must be a domain name, e.g. example.com",
    ),
});
export type AddSsoDomainInput = z.input<typeof addSsoDomainSchema>;

export const ssoDomainSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  domain: z.string(),
  verified: z.boolean(),
  verifiedAt: timestampSchema.nullable(),
  /** The TXT record to publish: `name` (`_plugboard-verification.<domain>`) holding `value`. */
  txtRecord: z.object({ name: z.string(), value: z.string() }),
  /** The token stops being accepted after this; verifying again issues a fresh one. */
  tokenExpiresAt: timestampSchema,
  createdAt: timestampSchema,
});
export type SsoDomain = z.infer<typeof ssoDomainSchema>;

export const ssoDomainListSchema = z.object({ data: z.array(ssoDomainSchema) });
export type SsoDomainList = z.infer<typeof ssoDomainListSchema>;

/** Whether the organization's people must sign in with SSO, and who may still use a password. */
export const ssoPolicySchema = z.object({
  requireSso: z.boolean(),
  /** Emails of admins who may still sign in the host's usual way (break glass). */
  breakGlassEmails: z.array(z.email().toLowerCase()).max(10),
});
export type SsoPolicy = z.infer<typeof ssoPolicySchema>;

export const ssoLoginOutcomeSchema = z.enum(["succeeded", "refused"]);

export const ssoLoginAttemptSchema = z.object({
  id: z.string(),
  connectionId: z.string(),
  at: timestampSchema,
  outcome: ssoLoginOutcomeSchema,
  /** Why it was refused (a stable code) or `null` when it succeeded. */
  reason: z.string().nullable(),
  /** Human text for the reason. */
  detail: z.string().nullable(),
  email: z.string().nullable(),
});
export type SsoLoginAttempt = z.infer<typeof ssoLoginAttemptSchema>;

export const ssoLoginAttemptListSchema = z.object({ data: z.array(ssoLoginAttemptSchema) });
export type SsoLoginAttemptList = z.infer<typeof ssoLoginAttemptListSchema>;

/** `GET {base}/sso/login`: by the email's verified domain, a connection id, or a test ticket. */
export const ssoLoginQuerySchema = z
  .object({
    email: z.email().max(320).optional(),
    connection: z.string().min(1).max(100).optional(),
    /** A Test connection run's sealed ticket (from `POST …/connections/:id/test`). */
    test: z.string().min(1).max(2048).optional(),
    /** A path on the host (`/projects`), never another origin. */
    returnTo: z
      .string()
      .max(2048)
      .regex(/^\/(?![/\\])[^\s]*$/, "must be a path on this site, starting with a single /")
      .optional(),
  })
  .refine(
    (value) =>
      value.email !== undefined || value.connection !== undefined || value.test !== undefined,
    { message: "Give an email or a connection" },
  );

/** Where a Test connection popup starts: a short-lived login URL bound to the admin's page. */
export const ssoTestLoginSchema = z.object({ url: z.string(), expiresAt: timestampSchema });
export type SsoTestLogin = z.infer<typeof ssoTestLoginSchema>;

/**
 * What a Test connection popup posts to the admin's page (at its exact origin): the profile
 * the IdP vouched for, as mapped, or why it was refused. Nobody is signed in by a test run, and
 * the message holds no tokens, assertions or secrets.
 */
export const ssoTestMessageSchema = z.discriminatedUnion("status", [
  z.object({
    type: z.literal(ssoTestMessageType),
    status: z.literal("success"),
    connectionId: z.string(),
    profile: z.object({
      email: z.string(),
      name: z.string().nullable(),
      subject: z.string(),
      groups: z.array(z.string()),
      role: roleSchema.nullable(),
    }),
  }),
  z.object({
    type: z.literal(ssoTestMessageType),
    status: z.literal("error"),
    connectionId: z.string(),
    reason: z.string(),
    message: z.string(),
  }),
]);
export type SsoTestMessage = z.infer<typeof ssoTestMessageSchema>;

export const ssoLoginAttemptQuerySchema = z.object({
  connectionId: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
