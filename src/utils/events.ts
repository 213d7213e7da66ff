/** Events of DESIGN §5 rule 7; payloads carry ids only. */
export const RoleSyncEvents = {
  CUSTOMER_META_SYNCED: "customer_meta.synced",
  CUSTOMER_META_VERIFIED: "customer_meta.verified",
  CUSTOMER_META_UNVERIFIED: "customer_meta.unverified",
  QUOTE_REQUEST_CREATED: "quote_request.created",
} as const
