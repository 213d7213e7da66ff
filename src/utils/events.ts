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
} as const

export type RoleSyncEventName = (typeof RoleSyncEvents)[keyof typeof RoleSyncEvents]
