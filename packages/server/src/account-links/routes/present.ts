import type { AccountLink } from "@plugboard/core";
import type { AccountLinkRecord } from "../store/types";

export function presentAccountLink(record: AccountLinkRecord): AccountLink {
  return {
    id: record.id,
    provider: record.provider,
    organizationId: record.organizationId,
    userId: record.userId,
    externalUserId: record.externalUserId,
    externalAccountId: record.externalAccountId,
    externalUserName: record.externalUserName,
    createdAt: new Date(record.createdAt).toISOString(),
  };
}
