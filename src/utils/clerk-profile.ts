import type { ClerkUserSnapshot } from "../modules/clerk/clerk-user"
import { RoleSyncErrorCodes, roleSyncError } from "./errors"
import { normalizeEmail } from "./customer-email"
import { isBlankText, textProblem } from "./text-input"

/** What the customer record takes from the Clerk user (DESIGN §8 rule 2). */
export type ClerkProfile = {
  /** The primary email, lower-cased; null without one. */
  email: string | null
  /** Clerk verified it: only a verified email is claimed or followed. */
  email_verified: boolean
  /** Null when Clerk has none (or only invisible characters). */
  first_name: string | null
  last_name: string | null
}

// RFC 5321's limit for a forward path.
export const EMAIL_MAX_LENGTH = 254
export const PERSON_NAME_MAX_LENGTH = 255

const invalid = (field: string, problem: string) =>
  roleSyncError(
    RoleSyncErrorCodes.INVALID_METADATA,
    `${field} ${problem}: correct it in the Clerk account; nothing was changed.`
  )

const personName = (value: string | null, field: string): string | null => {
  const trimmed = value?.trim() ?? ""
  if (!trimmed || isBlankText(trimmed)) {
    return null
  }
  const problem = textProblem(trimmed, { max: PERSON_NAME_MAX_LENGTH })
  if (problem) {
    throw invalid(field, problem)
  }
  return trimmed
}

/**
 * The email and names a Clerk user gives its customer, checked like every
 * text the plugin stores (no NUL, control or bidirectional characters;
 * lengths in characters). The content comes from Clerk (the Backend API or a
 * signed webhook), but users type their names.
 *
 * @throws `invalid_metadata` (422) naming `first_name`, `last_name` or
 *   `email_address`.
 */
export function parseClerkProfile(user: ClerkUserSnapshot): ClerkProfile {
  let email: string | null = null
  if (user.email) {
    const problem = textProblem(user.email, { max: EMAIL_MAX_LENGTH })
    if (problem) {
      throw invalid("email_address", problem)
    }
    email = normalizeEmail(user.email)
  }
  return {
    email,
    email_verified: !!email && user.email_verified,
    first_name: personName(user.first_name, "first_name"),
    last_name: personName(user.last_name, "last_name"),
  }
}
