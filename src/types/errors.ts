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
}
