/**
 * Where a customer's (or company's) tax ID stands (DESIGN §11).
 * - `unchecked`: kept (canonical), but no validator exists for its country,
 *   or its country is unknown.
 * - `format_valid`: format and check digits pass for its country; not (yet)
 *   confirmed by VIES (VIES off, or not an EU VAT number).
 * - `format_invalid`: stored before the plugin validated tax IDs and fails
 *   its country's rules (set only by the data migration: a sync refuses
 *   such a number with 422).
 * - `pending`: a VIES check was started and has no answer yet, or VIES could
 *   not answer (outage, rate limit, time-out); retried with back-off.
 * - `valid` / `invalid`: VIES's answer for this number, at `tax_id_checked_at`.
 */
export const TAX_ID_STATUSES = [
  "unchecked",
  "format_valid",
  "format_invalid",
  "pending",
  "valid",
  "invalid",
] as const

export type TaxIdStatus = (typeof TAX_ID_STATUSES)[number]

/** What validation alone can say about a number. */
export type TaxIdFormatStatus = "format_valid" | "unchecked"

/** Whose tax ID a VIES check is about. */
export type TaxIdCheckOwnerType = "customer_meta" | "company"

/** A VIES check: no answer yet (or an outage) / registered / not registered. */
export type TaxIdCheckStatus = "pending" | "valid" | "invalid"

/**
 * A VIES check over HTTP (admin): the verdict, its evidence and the retry
 * state. Times are ISO strings.
 */
export type AdminTaxIdCheck = {
  id: string
  /** The canonical tax ID checked. */
  tax_id: string
  /** VIES member-state code asked (EL for Greece, XI for Northern Ireland). */
  country_code: string
  vat_number: string
  status: TaxIdCheckStatus
  /** When VIES answered valid/invalid. */
  checked_at: string | null
  /** VIES's own requestDate. */
  request_date: string | null
  /** VIES's requestIdentifier: only when the store set `vies.requesterVatId`. */
  consultation_number: string | null
  requester_vat_id: string | null
  /** As the member state registered them; null when it does not disclose them. */
  registered_name: string | null
  registered_address: string | null
  /** Calls made to VIES for this check, and the store's maximum. */
  attempts: number
  max_attempts: number
  /** Next automatic retry; null when answered, given up or replaced. */
  next_attempt_at: string | null
  last_attempt_at: string | null
  /** Why VIES gave no answer last time (MS_UNAVAILABLE, TIMEOUT, REQUEST_TIMEOUT, …). */
  fault_code: string | null
  fault_message: string | null
  /** "system" (number set or changed) or the admin user id ("check again"). */
  requested_by: string | null
  created_at: string | null
}
