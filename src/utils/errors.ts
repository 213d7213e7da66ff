import { MedusaError } from "@medusajs/framework/utils"
import {
  RoleSyncErrorCodes,
  type RoleSyncErrorCode,
} from "../types/errors"

export { RoleSyncErrorCodes, type RoleSyncErrorCode }

/**
 * The Medusa type behind each code. Medusa's error handler keeps the message
 * of these types (it replaces CONFLICT's and answers 500 "An unknown error
 * occurred." for any type it doesn't know), so a host route that runs the
 * plugin's workflows still tells its caller what went wrong.
 */
const MEDUSA_TYPE: Record<RoleSyncErrorCode, string> = {
  account_conflict: MedusaError.Types.NOT_ALLOWED,
  invalid_metadata: MedusaError.Types.INVALID_DATA,
  email_not_verified: MedusaError.Types.NOT_ALLOWED,
  clerk_unavailable: MedusaError.Types.UNEXPECTED_STATE,
  clerk_user_deleted: MedusaError.Types.UNAUTHORIZED,
  version_conflict: MedusaError.Types.NOT_ALLOWED,
  quoted_cart_locked: MedusaError.Types.NOT_ALLOWED,
  quote_customer_only: MedusaError.Types.FORBIDDEN,
  quote_not_payable: MedusaError.Types.NOT_ALLOWED,
  prices_changed: MedusaError.Types.NOT_ALLOWED,
  entitled_email: MedusaError.Types.NOT_ALLOWED,
}

/**
 * A `MedusaError` of Medusa's own type with the plugin's `code`, the way core
 * sets `MedusaError.Codes`. `details` become own properties (they survive the
 * workflow engine's error serialization) and are added to the HTTP body by
 * the plugin's routes, e.g. `{ customer_meta }` with a version conflict.
 */
export function roleSyncError(
  code: RoleSyncErrorCode,
  message: string,
  details?: Record<string, unknown>
): MedusaError {
  const error = new MedusaError(MEDUSA_TYPE[code], message, code)
  if (details) {
    Object.assign(error, { details })
  }
  return error
}

/** True for an error the plugin raised with `code` (any code when omitted). */
export function isRoleSyncError(
  error: unknown,
  code?: RoleSyncErrorCode
): error is MedusaError & { code: RoleSyncErrorCode; details?: Record<string, unknown> } {
  const c = (error as { code?: unknown })?.code
  return (
    typeof c === "string" &&
    (code ? c === code : (Object.values(RoleSyncErrorCodes) as string[]).includes(c))
  )
}
