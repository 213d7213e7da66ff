export {
  TAX_ID_STATUSES,
  type TaxIdStatus,
  type TaxIdFormatStatus,
} from "../../types/tax-id"

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
  status: import("../../types/tax-id").TaxIdFormatStatus
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
