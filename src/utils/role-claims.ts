import type { AccountTypeSource } from "../modules/clerk/options"
import { RoleSyncErrorCodes, roleSyncError } from "./errors"
import {
  TaxIdValidationError,
  normalizeTaxCountry,
  normalizeTaxId,
  type TaxIdFormatStatus,
} from "./tax-id"
import { isBlankText, textProblem } from "./text-input"

export type AccountType = "individual" | "business"

export type RoleClaims = {
  account_type: AccountType
  company_name: string | null
  /** Canonical (DESIGN §11.1): compact, upper case, EU VAT with its prefix. */
  tax_id: string | null
  /** ISO country of the tax ID, when known. */
  tax_id_country: string | null
  /** What validation says; null without a tax ID. */
  tax_id_status: TaxIdFormatStatus | null
}

export { TAX_ID_MAX_LENGTH } from "./tax-id"
export const COMPANY_NAME_MAX_LENGTH = 255

const invalid = (message: string) =>
  roleSyncError(RoleSyncErrorCodes.INVALID_METADATA, message)

/**
 * Reads the role a Clerk user claims (DESIGN §5 rules 1-2). The metadata is
 * user-writable: the result is a claim, and only an admin verification makes
 * a business trusted.
 */
export function parseRoleClaims(
  user: {
    unsafe_metadata?: Record<string, unknown> | null
    public_metadata?: Record<string, unknown> | null
  },
  source: AccountTypeSource = "unsafe_metadata"
): RoleClaims {
  const metadata = (user[source] ?? {}) as Record<string, unknown>
  const field = (name: string) => `${source}.${name}`

  const rawType = metadata.accountType
  let account_type: AccountType
  if (rawType === undefined || rawType === null || rawType === "") {
    account_type = "individual"
  } else if (
    typeof rawType === "string" &&
    ["individual", "business"].includes(rawType.trim().toLowerCase())
  ) {
    account_type = rawType.trim().toLowerCase() as AccountType
  } else {
    throw invalid(
      `${field("accountType")} must be "individual" or "business", got ${JSON.stringify(rawType)}`
    )
  }

  if (account_type === "individual") {
    return {
      account_type,
      company_name: null,
      tax_id: null,
      tax_id_country: null,
      tax_id_status: null,
    }
  }

  const companyKey = metadata.company !== undefined ? "company" : "companyName"
  const rawCompany = metadata[companyKey]
  if (rawCompany !== undefined && rawCompany !== null && typeof rawCompany !== "string") {
    throw invalid(`${field(companyKey)} must be a string (the company name)`)
  }
  const company_name = typeof rawCompany === "string" ? rawCompany.trim() : ""
  if (!company_name || isBlankText(company_name)) {
    // Neither spelling given: name the documented one.
    const named = rawCompany === undefined ? "company" : companyKey
    throw invalid(
      `${field(named)} is required for a business account (a company name of 1-${COMPANY_NAME_MAX_LENGTH} characters)`
    )
  }
  // Lengths in characters (code points): 128 emoji are 128, not 256.
  const companyProblem = textProblem(company_name, { max: COMPANY_NAME_MAX_LENGTH })
  if (companyProblem) {
    throw invalid(`${field(companyKey)} ${companyProblem}`)
  }

  const taxKey = metadata.tax_id !== undefined ? "tax_id" : "taxId"
  const countryKey = metadata.tax_country !== undefined ? "tax_country" : "taxCountry"
  const rawTax = metadata[taxKey]
  const none = { account_type, company_name, tax_id: null, tax_id_country: null, tax_id_status: null }
  if (rawTax === undefined || rawTax === null || rawTax === "") {
    return none
  }
  if (typeof rawTax !== "string") {
    throw invalid(`${field(taxKey)} must be a string`)
  }
  // Optional: blank means none; otherwise no control or bidi characters.
  if (isBlankText(rawTax)) {
    return none
  }
  const taxProblem = textProblem(rawTax)
  if (taxProblem) {
    throw invalid(`${field(taxKey)} ${taxProblem}`)
  }
  // DESIGN §11.2: the country comes from the VAT prefix, else from tax_country.
  try {
    const countryHint = normalizeTaxCountry(metadata[countryKey])
    const normalized = normalizeTaxId(rawTax, { countryHint })
    if (!normalized) {
      return none
    }
    return {
      account_type,
      company_name,
      tax_id: normalized.tax_id,
      tax_id_country: normalized.tax_id_country,
      tax_id_status: normalized.status,
    }
  } catch (e) {
    if (e instanceof TaxIdValidationError) {
      throw invalid(e.messageFor(field(e.field === "tax_id" ? taxKey : countryKey)))
    }
    throw e
  }
}
