/**
 * Every event the plugin emits, in one place (DESIGN §5 rule 7). Payloads
 * carry ids only, and are emitted only when the emitting workflow succeeds.
 * Also exported from `medusa-plugin-role-sync/types` for host subscribers.
 */
export const RoleSyncEvents = {
  CUSTOMER_META_SYNCED: "customer_meta.synced",
  CUSTOMER_META_VERIFIED: "customer_meta.verified",
  CUSTOMER_META_UNVERIFIED: "customer_meta.unverified",
  /** `{ id, customer_id }` */
  QUOTE_REQUEST_CREATED: "quote_request.created",
  /** An admin priced the quote (again). `{ id, customer_id }` */
  QUOTE_REQUEST_RESPONDED: "quote_request.responded",
  /** The customer took the offer. `{ id, customer_id, cart_id }` */
  QUOTE_REQUEST_ACCEPTED: "quote_request.accepted",
  /** Either side turned it down. `{ id, customer_id }` */
  QUOTE_REQUEST_REJECTED: "quote_request.rejected",
  /** The offer lapsed (on accept, or by the scheduled job). `{ id, customer_id }` */
  QUOTE_REQUEST_EXPIRED: "quote_request.expired",
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

export type RoleSyncEventName = (typeof RoleSyncEvents)[keyof typeof RoleSyncEvents]
