import type { Validator } from "stdnum"
import {
  ruleForCountry,
  ruleForPrefix,
  type TaxIdCountryRule,
} from "./country-rules"
import { TaxIdValidationError } from "./tax-id-validation-error"
import type { NormalizedTaxId, TaxIdStatus } from "./types"

/** Longest canonical tax ID stored (DESIGN §3). */
export const TAX_ID_MAX_LENGTH = 32
/** Longest raw input looked at: spaces and separators included. */
export const TAX_ID_MAX_INPUT_LENGTH = 64

// Control characters (C0, DEL, C1) and bidirectional controls (DESIGN §9.5).
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/
// Written forms allowed before compaction: letters, digits, spaces and . - /
const WRITTEN_PATTERN = /^[A-Z0-9 ./-]*$/
// Spaces (any Unicode white space, e.g. a no-break space), dots and dashes.
const SEPARATORS = /[\s.-]+/g
// What a canonical tax ID may hold: the database CHECK constraint says the same.
export const CANONICAL_TAX_ID_PATTERN = /^[A-Z0-9][A-Z0-9/]*$/

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" })
// Codes ICU knows that are not countries.
const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"])
// Usual non-ISO spellings.
const COUNTRY_ALIASES: Record<string, string> = { EL: "GR", UK: "GB" }

/**
 * The country hint (`tax_country` in Clerk metadata, a company's
 * `country_code`): an ISO 3166-1 alpha-2 code in any case; `EL` means
 * Greece and `UK` the United Kingdom. Empty → null.
 *
 * @throws TaxIdValidationError (field `tax_country`) for anything else.
 */
export function normalizeTaxCountry(raw: unknown): string | null {
  if (raw === undefined || raw === null || raw === "") {
    return null
  }
  if (typeof raw !== "string") {
    throw new TaxIdValidationError("tax_country", "country", "must be a two-letter country code such as DE")
  }
  const code = raw.trim().toUpperCase()
  if (!code) {
    return null
  }
  const iso = COUNTRY_ALIASES[code] ?? code
  if (
    !/^[A-Z]{2}$/.test(iso) ||
    NOT_COUNTRIES.has(iso) ||
    !regionNames.of(iso)
  ) {
    throw new TaxIdValidationError(
      "tax_country",
      "country",
      `must be an ISO 3166-1 two-letter country code such as DE, got ${JSON.stringify(raw.slice(0, 20))}`
    )
  }
  return iso
}

/**
 * Written form → compact form: trimmed, upper case, spaces, dots and dashes
 * removed ("de 123.456-789" → "DE123456789"). Refuses control characters,
 * characters other than letters, digits, space . - /, and over-long input.
 *
 * @throws TaxIdValidationError (field `tax_id`)
 */
export function compactTaxId(raw: string): string {
  if (CONTROL_CHARACTERS.test(raw)) {
    throw new TaxIdValidationError("tax_id", "characters", "must not contain control characters")
  }
  const written = raw.trim().toUpperCase()
  if (written.length > TAX_ID_MAX_INPUT_LENGTH) {
    throw new TaxIdValidationError(
      "tax_id",
      "length",
      `must be at most ${TAX_ID_MAX_LENGTH} letters and digits (spaces, "-", "." and "/" aside)`
    )
  }
  if (!WRITTEN_PATTERN.test(written.replace(/\s/g, " "))) {
    throw new TaxIdValidationError(
      "tax_id",
      "characters",
      `may only contain letters A-Z, digits 0-9, spaces, "-", "." and "/"`
    )
  }
  return written.replace(SEPARATORS, "")
}

type RuleOutcome =
  | { ok: true; compact: string; validator: Validator }
  | { ok: false; problem: "format" | "check_digit" }

function applyRule(rule: TaxIdCountryRule, national: string): RuleOutcome {
  const input = rule.validatorInput ? rule.validatorInput(national) : national
  let checkDigitFailed = false
  for (const validator of rule.validators) {
    const result = validator.validate(input)
    if (result.isValid) {
      return { ok: true, compact: result.compact, validator }
    }
    // stdnum's InvalidChecksum: the shape is right, the check digit is not.
    if (result.error?.constructor?.name === "InvalidChecksum") {
      checkDigitFailed = true
    }
  }
  return { ok: false, problem: checkDigitFailed ? "check_digit" : "format" }
}

function accepted(rule: TaxIdCountryRule, outcome: { compact: string; validator: Validator }): NormalizedTaxId {
  const tax_id = rule.canonical
    ? rule.canonical(outcome.compact, outcome.validator)
    : `${rule.prefixes[0] ?? ""}${outcome.compact}`
  if (tax_id.length > TAX_ID_MAX_LENGTH || !CANONICAL_TAX_ID_PATTERN.test(tax_id)) {
    throw new TaxIdValidationError("tax_id", "length", `must be at most ${TAX_ID_MAX_LENGTH} letters and digits`, rule.country)
  }
  return {
    tax_id,
    tax_id_country: rule.country,
    status: "format_valid",
    vies_country_code: rule.viesCode,
    vies_vat_number: rule.viesCode ? tax_id.slice(rule.viesCode.length) : null,
  }
}

function refused(
  rule: TaxIdCountryRule,
  problem: "format" | "check_digit",
  hint: string | null
): TaxIdValidationError {
  const what =
    problem === "check_digit"
      ? `its check digit is wrong`
      : `its format is wrong (expected ${rule.format})`
  // A number read by its prefix may be from elsewhere (no hint was given).
  const suggestion =
    !hint && rule.prefixes.length
      ? `; if the number is from another country, give tax_country (the country that issued it)`
      : ""
  return new TaxIdValidationError(
    "tax_id",
    problem,
    `is not a valid ${rule.label}: ${what}${suggestion}`,
    rule.country
  )
}

function unchecked(tax_id: string, country: string | null): NormalizedTaxId {
  if (tax_id.length > TAX_ID_MAX_LENGTH) {
    throw new TaxIdValidationError(
      "tax_id",
      "length",
      `must be at most ${TAX_ID_MAX_LENGTH} letters and digits (spaces, "-", "." and "/" aside)`
    )
  }
  if (!CANONICAL_TAX_ID_PATTERN.test(tax_id)) {
    throw new TaxIdValidationError(
      "tax_id",
      "format",
      "must start with a letter or digit"
    )
  }
  return {
    tax_id,
    tax_id_country: country,
    status: "unchecked",
    vies_country_code: null,
    vies_vat_number: null,
  }
}

/**
 * Canonical form and validation of a tax ID (DESIGN §11.1-2).
 *
 * 1. The written form is compacted (see `compactTaxId`).
 * 2. The country comes from a recognised prefix (EU VAT prefixes with `EL`
 *    for Greece and `XI` for Northern Ireland, `GB`, `CHE`, `NO`); else from
 *    `countryHint` (`tax_country`, or a company's `country_code`). A prefix
 *    that fails its country's rules while a different hint is given is read
 *    as part of a number from the hint's country (a Mexican RFC may start
 *    with `DE`).
 * 3. Where a validator exists for that country (see `TAX_ID_COUNTRY_RULES`:
 *    EU-27 VAT, GB/XI VAT, CH UID/VAT, NO MVA/orgnr, US EIN, CA BN, AU ABN),
 *    the number must pass its format and check digits: it is returned
 *    canonical (EU VAT with its prefix, UK VAT with `GB`) with status
 *    `format_valid`. Other countries, and numbers without any country, are
 *    kept compact with status `unchecked`.
 *
 * Pure: no I/O, usable for customers and companies alike.
 *
 * @param raw The tax ID as written (string; callers refuse other types).
 * @param options.countryHint ISO alpha-2 (already normalised, see
 *   `normalizeTaxCountry`) or null.
 * @returns The canonical tax ID, its country and status; null when `raw` is
 *   only white space.
 * @throws TaxIdValidationError naming `tax_id` with problem `characters`,
 *   `length`, `format` or `check_digit`.
 */
export function normalizeTaxId(
  raw: string,
  options: { countryHint?: string | null } = {}
): NormalizedTaxId | null {
  if (!raw.trim()) {
    return null
  }
  const compact = compactTaxId(raw)
  const hint = options.countryHint ?? null

  const byPrefix = ruleForPrefix(compact)
  if (byPrefix) {
    const outcome = applyRule(byPrefix.rule, byPrefix.rest)
    if (outcome.ok) {
      return accepted(byPrefix.rule, outcome)
    }
    if (!hint || hint === byPrefix.rule.country) {
      throw refused(byPrefix.rule, outcome.problem, hint)
    }
  }

  if (hint) {
    const rule = ruleForCountry(hint)
    if (!rule) {
      return unchecked(compact, hint)
    }
    const outcome = applyRule(rule, compact)
    if (outcome.ok) {
      return accepted(rule, outcome)
    }
    throw refused(rule, outcome.problem, hint)
  }

  return unchecked(compact, null)
}

/**
 * For data stored before tax IDs were validated (the data migration): the
 * canonical form and status without refusing anything. A number that fails
 * its country's rules keeps its compact form with status `format_invalid`
 * (a sync would refuse it; an admin sees it flagged). Greek numbers written
 * `GR…` become `EL…`.
 */
export function canonicalizeStoredTaxId(stored: string): {
  tax_id: string | null
  tax_id_country: string | null
  tax_id_status: TaxIdStatus | null
} {
  try {
    const normalized = normalizeTaxId(stored)
    return normalized
      ? {
          tax_id: normalized.tax_id,
          tax_id_country: normalized.tax_id_country,
          tax_id_status: normalized.status,
        }
      : { tax_id: null, tax_id_country: null, tax_id_status: null }
  } catch (e) {
    if (!(e instanceof TaxIdValidationError)) {
      throw e
    }
    let compact: string
    try {
      compact = compactTaxId(stored)
    } catch {
      compact = stored.toUpperCase().replace(/[^A-Z0-9/]/g, "")
    }
    const byPrefix = ruleForPrefix(compact)
    if (byPrefix?.prefix === "GR") {
      compact = `EL${byPrefix.rest}`
    }
    compact = compact.replace(/^\/+/, "").slice(0, TAX_ID_MAX_LENGTH)
    if (!compact) {
      return { tax_id: null, tax_id_country: null, tax_id_status: null }
    }
    return {
      tax_id: compact,
      tax_id_country: e.country,
      tax_id_status: "format_invalid",
    }
  }
}
