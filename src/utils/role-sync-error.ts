import { MedusaError } from "@medusajs/framework/utils"
import type { MedusaResponse } from "@medusajs/framework/http"

/**
 * Error types Medusa's error handler has no status for (it answers 500 for
 * unknown types and rewrites every CONFLICT message to a generic one).
 */
export const RoleSyncErrorTypes = {
  ACCOUNT_CONFLICT: "account_conflict",
  INVALID_METADATA: "invalid_metadata",
  EMAIL_NOT_VERIFIED: "email_not_verified",
  CLERK_UNAVAILABLE: "clerk_unavailable",
} as const

export type RoleSyncErrorType =
  (typeof RoleSyncErrorTypes)[keyof typeof RoleSyncErrorTypes]

const STATUS: Record<RoleSyncErrorType, number> = {
  account_conflict: 409,
  invalid_metadata: 422,
  email_not_verified: 422,
  clerk_unavailable: 503,
}

export const roleSyncError = (type: RoleSyncErrorType, message: string) =>
  new MedusaError(type as any, message)

/** Writes the error as Medusa's `{ type, message }` when it is one of ours. */
export function sendRoleSyncError(error: unknown, res: MedusaResponse): boolean {
  const type = (error as { type?: string })?.type as RoleSyncErrorType
  const status = type ? STATUS[type] : undefined
  if (!status) {
    return false
  }
  if (status === 503) {
    res.setHeader("Retry-After", "5")
  }
  res.status(status).json({ type, message: (error as Error).message })
  return true
}
