/**
 * The plugin's error codes: `code` of the `MedusaError`s it throws and of its
 * HTTP error bodies (`{ type, code, message }`). `type` is always one of
 * Medusa's own `MedusaError.Types`, so a host calling the plugin's workflows
 * from its own routes gets a 4xx with the plugin's message from Medusa's
 * error handler; the plugin's routes answer the statuses below.
 */
export const RoleSyncErrorCodes = {
  /** A registered customer with that email belongs to someone else. 409 */
  ACCOUNT_CONFLICT: "account_conflict",
  /** Clerk metadata (or a tax ID) the plugin can't accept. 422 */
  INVALID_METADATA: "invalid_metadata",
  /** Clerk has not verified the email yet. 422 */
  EMAIL_NOT_VERIFIED: "email_not_verified",
  /** Clerk's Backend API refused, failed or timed out. 503 */
  CLERK_UNAVAILABLE: "clerk_unavailable",
  /** The Clerk user was deleted; its id is never served again. 401 */
  CLERK_USER_DELETED: "clerk_user_deleted",
  /** The row changed since the caller read it (`expected_updated_at`). 409 */
  VERSION_CONFLICT: "version_conflict",
  /** A change to a cart made from a quote (its lines, region, sales channel, email). 400 */
  QUOTED_CART_LOCKED: "quoted_cart_locked",
  /** Someone other than the quote's customer transferring, paying or completing its cart. 403 */
  QUOTE_CUSTOMER_ONLY: "quote_customer_only",
  /** A quoted cart whose terms no longer hold (offer expired, no longer a business, lines differ). 409 */
  QUOTE_NOT_PAYABLE: "quote_not_payable",
  /** At checkout, the buyer's prices differ from the cart's (an entitlement ended): re-priced. 409 */
  PRICES_CHANGED: "prices_changed",
  /** A cart email that belongs to another customer with special prices. 400 */
  ENTITLED_EMAIL: "entitled_email",
} as const

export type RoleSyncErrorCode =
  (typeof RoleSyncErrorCodes)[keyof typeof RoleSyncErrorCodes]

/** The status each code answers on the plugin's own routes. */
export const ROLE_SYNC_ERROR_STATUS: Record<RoleSyncErrorCode, number> = {
  account_conflict: 409,
  invalid_metadata: 422,
  email_not_verified: 422,
  clerk_unavailable: 503,
  clerk_user_deleted: 401,
  version_conflict: 409,
  quoted_cart_locked: 400,
  quote_customer_only: 403,
  quote_not_payable: 409,
  prices_changed: 409,
  entitled_email: 400,
}
