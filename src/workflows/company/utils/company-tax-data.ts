import { RoleSyncErrorCodes, roleSyncError } from "../../../utils/errors"
import { normalizeTaxId, TAX_ID_MAX_LENGTH } from "../../../utils/role-claims"
import { textProblem } from "../../../utils/text-input"

export type CompanyTaxDataInput = {
  /** Omitted: unchanged; null or "": cleared. */
  tax_id?: string | null
  /** ISO 3166-1 alpha-2 in any case; omitted: unchanged; null or "": cleared. */
  country_code?: string | null
}

export type CompanyTaxData = {
  tax_id: string | null
  tax_id_country: string | null
  country_code: string | null
}

const TAX_ID_PATTERN = /^[A-Z0-9./-][A-Z0-9 ./-]*$/

const invalid = (message: string) => roleSyncError(RoleSyncErrorCodes.INVALID_METADATA, message)

/**
 * The company's tax data after applying `input` to `current`, in the form
 * stored: the tax ID normalized as customers' tax IDs are (DESIGN §3), the
 * country upper case. `tax_id_country` is the company's country until tax
 * IDs are checked by country (DESIGN §11).
 *
 * @throws `invalid_metadata` (422) naming `tax_id` or `country_code`.
 */
export function applyCompanyTaxData(
  current: CompanyTaxData,
  input: CompanyTaxDataInput
): CompanyTaxData {
  let tax_id = current.tax_id
  if (input.tax_id !== undefined) {
    const raw = input.tax_id ?? ""
    if (raw === "" || !raw.trim()) {
      tax_id = null
    } else {
      const problem = textProblem(raw, { max: 64 })
      if (problem) {
        throw invalid(`tax_id ${problem}`)
      }
      tax_id = normalizeTaxId(raw)
      if (tax_id.length > TAX_ID_MAX_LENGTH || !TAX_ID_PATTERN.test(tax_id)) {
        throw invalid(
          `tax_id must be at most ${TAX_ID_MAX_LENGTH} characters of A-Z, 0-9, space, "-", "." and "/"`
        )
      }
    }
  }
  let country_code = current.country_code
  if (input.country_code !== undefined) {
    const raw = (input.country_code ?? "").trim()
    if (!raw) {
      country_code = null
    } else if (!/^[A-Za-z]{2}$/.test(raw)) {
      throw invalid(`country_code must be a two-letter ISO 3166-1 country code such as DE, got ${JSON.stringify(raw.slice(0, 20))}`)
    } else {
      country_code = raw.toUpperCase()
    }
  }
  return { tax_id, tax_id_country: tax_id ? country_code : null, country_code }
}
