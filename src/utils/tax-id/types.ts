/**
 * Where a tax ID stands (DESIGN §11).
 * - `unchecked`: kept (canonical), but no validator exists for its country,
 *   or its country is unknown.
 * - `format_valid`: format and check digits pass for its country; not (yet)
 *   confirmed by VIES.
 * - `format_invalid`: stored before the plugin validated tax IDs and fails
 *   its country's format or check digits (set only by the data migration: a
 *   sync refuses such a number with 422).
 * - `pending`: a VIES check was started and has no answer yet, or VIES could
 *   not answer (outage, rate limit, time-out); retried with back-off.
 * - `valid` / `invalid`: VIES's answer for this number, at `checked_at`.
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

/** A tax ID in its canonical form, with what validation found. */
export type NormalizedTaxId = {
  /**
   * Compact (no spaces, dots or dashes), upper case. An EU VAT number keeps
   * its prefix (`DE123456789`; Greece `EL…`; Northern Ireland `XI…`), a UK
   * VAT number gets `GB`, a Norwegian MVA number `NO…MVA`.
   */
  tax_id: string
  /** ISO 3166-1 alpha-2 of the issuing country (`GR` for `EL…`, `GB` for `XI…`), or null when unknown. */
  tax_id_country: string | null
  status: TaxIdFormatStatus
  /**
   * The VIES member-state code (`DE`, `EL`, `XI`, …) when VIES can confirm
   * this number, else null (GB has not been in VIES since 2021).
   */
  vies_country_code: string | null
  /** The number without the VIES prefix, as VIES expects it; null when not a VIES number. */
  vies_vat_number: string | null
}

/** Which rule a number broke. */
export type TaxIdProblem = "characters" | "length" | "format" | "check_digit" | "country"
