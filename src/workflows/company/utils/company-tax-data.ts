import { RoleSyncErrorCodes, roleSyncError } from "../../../utils/errors"
import {
  normalizeTaxCountry,
  normalizeTaxId,
  TaxIdValidationError,
} from "../../../utils/tax-id"
import { isBlankText, textProblem } from "../../../utils/text-input"

export type CompanyTaxDataInput = {
  /** Omitted: unchanged; null or "": cleared. */
  tax_id?: string | null
  /** ISO 3166-1 alpha-2 in any case (`EL` = GR, `UK` = GB); omitted: unchanged; null or "": cleared. */
  country_code?: string | null
}

export type CompanyTaxData = {
  tax_id: string | null
  tax_id_country: string | null
  country_code: string | null
}

const invalid = (message: string) => roleSyncError(RoleSyncErrorCodes.INVALID_METADATA, message)

/**
 * The company's tax data after applying `input` to `current`, as stored:
 * the tax ID in its canonical form and checked by country (DESIGN §11: the
 * country from the VAT prefix, else the company's `country_code`), its
 * issuing country in `tax_id_country`, the company's country as an ISO code.
 * A country without a validator keeps the number (canonical). Comparing the
 * result with `current` tells a real change (rule 5.3 compares canonical
 * forms, so re-normalizing resets nothing).
 *
 * @throws `invalid_metadata` (422) naming `tax_id` or `country_code` and
 *   saying which rule the value broke.
 */
export function applyCompanyTaxData(
  current: CompanyTaxData,
  input: CompanyTaxDataInput
): CompanyTaxData {
  const field = (name: "tax_id" | "tax_country") => (name === "tax_id" ? "tax_id" : "country_code")
  try {
    let country_code = current.country_code
    if (input.country_code !== undefined) {
      const raw = input.country_code ?? ""
      const problem = raw && !isBlankText(raw) ? textProblem(raw) : null
      if (problem) {
        throw invalid(`country_code ${problem}`)
      }
      country_code = isBlankText(raw) ? null : normalizeTaxCountry(raw)
    }

    let raw = current.tax_id
    if (input.tax_id !== undefined) {
      raw = input.tax_id && !isBlankText(input.tax_id) ? input.tax_id : null
      const problem = raw ? textProblem(raw) : null
      if (problem) {
        throw invalid(`tax_id ${problem}`)
      }
    }
    if (!raw) {
      return { tax_id: null, tax_id_country: null, country_code }
    }
    const normalized = normalizeTaxId(raw, { countryHint: country_code })
    return {
      tax_id: normalized?.tax_id ?? null,
      tax_id_country: normalized?.tax_id_country ?? null,
      country_code,
    }
  } catch (e) {
    if (e instanceof TaxIdValidationError) {
      throw invalid(e.messageFor(field(e.field)))
    }
    throw e
  }
}
