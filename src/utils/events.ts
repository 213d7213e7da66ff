/** Events of DESIGN §5 rule 7; payloads carry ids only. */
export const RoleSyncEvents = {
  CUSTOMER_META_SYNCED: "customer_meta.synced",
  CUSTOMER_META_VERIFIED: "customer_meta.verified",
  CUSTOMER_META_UNVERIFIED: "customer_meta.unverified",
  QUOTE_REQUEST_CREATED: "quote_request.created",
  // DESIGN §10 rule 8. Payloads: `{ id }` of the company, plus
  // `customer_id` for member events.
  COMPANY_CREATED: "company.created",
  COMPANY_VERIFIED: "company.verified",
  COMPANY_UNVERIFIED: "company.unverified",
  COMPANY_MEMBER_ADDED: "company.member_added",
  COMPANY_MEMBER_REMOVED: "company.member_removed",
  COMPANY_MEMBER_UPDATED: "company.member_updated",
} as const
