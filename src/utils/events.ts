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
  /** A customer's tax ID was set or changed (canonical forms compared). */
  CUSTOMER_META_TAX_ID_CHANGED: "customer_meta.tax_id_changed",
  /** A VIES check was created (new number or "check again"); its subscriber runs it. */
  TAX_ID_CHECK_REQUESTED: "tax_id_check.requested",
  /** VIES answered for a check (valid or invalid) and it was applied to its owner. */
  TAX_ID_CHECK_COMPLETED: "tax_id_check.completed",
  /** VIES said invalid for the tax ID of a verified business (DESIGN §11.4). */
  TAX_ID_INVALID: "tax_id.invalid",
} as const
