import type { AccountTypeSource } from "../modules/clerk/options"
import { RoleSyncErrorCodes, roleSyncError } from "./errors"
import { isBlankText, textProblem } from "./text-input"

export type AccountType = "individual" | "business"

export type RoleClaims = {
  account_type: AccountType
  company_name: string | null
  tax_id: string | null
}

export const TAX_ID_MAX_LENGTH = 32
export const COMPANY_NAME_MAX_LENGTH = 255
const TAX_ID_PATTERN = /^[A-Z0-9./-][A-Z0-9 ./-]*$/

/** Trimmed, upper-case, inner runs of white space collapsed to one space. */
export function normalizeTaxId(value: string): string {
  return value.trim().replace(/\s+/g, " ").toUpperCase()
}

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
    return { account_type, company_name: null, tax_id: null }
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
  const rawTax = metadata[taxKey]
  let tax_id: string | null = null
  if (rawTax !== undefined && rawTax !== null && rawTax !== "") {
    if (typeof rawTax !== "string") {
      throw invalid(`${field(taxKey)} must be a string`)
    }
    // Optional: blank means none; otherwise no control or bidi characters.
    const taxProblem = isBlankText(rawTax) ? null : textProblem(rawTax)
    if (taxProblem) {
      throw invalid(`${field(taxKey)} ${taxProblem}`)
    }
    tax_id = isBlankText(rawTax) ? null : normalizeTaxId(rawTax) || null
    if (
      tax_id &&
      (tax_id.length > TAX_ID_MAX_LENGTH || !TAX_ID_PATTERN.test(tax_id))
    ) {
      throw invalid(
        `${field(taxKey)} must be at most ${TAX_ID_MAX_LENGTH} characters of A-Z, 0-9, space, "-", "." and "/"`
      )
    }
  }

  return { account_type, company_name, tax_id }
}
