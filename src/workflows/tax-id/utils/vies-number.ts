import { normalizeTaxId, TaxIdValidationError } from "../../../utils/tax-id"

/**
 * What VIES would be asked for a stored (canonical) tax ID: its member-state
 * code and number, or null when VIES cannot check it (not an EU or XI VAT
 * number, or a legacy number that fails its format).
 */
export function viesNumberOf(owner: {
  tax_id: string | null
  tax_id_country: string | null
}): { countryCode: string; vatNumber: string } | null {
  if (!owner.tax_id) {
    return null
  }
  try {
    const normalized = normalizeTaxId(owner.tax_id, { countryHint: owner.tax_id_country })
    return normalized?.vies_country_code && normalized.vies_vat_number
      ? { countryCode: normalized.vies_country_code, vatNumber: normalized.vies_vat_number }
      : null
  } catch (e) {
    if (e instanceof TaxIdValidationError) {
      return null
    }
    throw e
  }
}
