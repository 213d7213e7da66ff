import { stdnum, type Validator } from "stdnum"

/*
 * Format and check-digit validation comes from `stdnum` (npm, MIT; a
 * TypeScript port of python-stdnum). Chosen over `validator`'s `isVAT`
 * (format only for most countries: a German number with a wrong check digit
 * passes; no Greece under GR/EL) and `jsvat-next` (EU-only VAT plus a few
 * others, no US EIN or CA BN, few releases): stdnum checks check digits for
 * every EU-27 VAT number, GB VAT, CH UID/VAT, NO MVA/orgnr, US EIN, CA BN
 * and AU ABN, has no dependencies and is actively released. This file only
 * says which of its validators apply to which country and how a canonical
 * number is written; it implements no check-digit algorithm itself.
 */

/** One country's tax ID rules. */
export type TaxIdCountryRule = {
  /** ISO 3166-1 alpha-2 of the issuing country. */
  country: string
  /** What the number is, for messages: "German VAT number (USt-IdNr.)". */
  label: string
  /** The expected shape, for messages. */
  format: string
  /**
   * Written prefixes recognised at the start of a number (`DE`; `EL` and
   * `GR`; `CHE`). The first one is the canonical prefix; empty for numbers
   * written without one (US EIN, CA BN, AU ABN, NO orgnr).
   */
  prefixes: string[]
  /** The VIES member-state code when VIES can confirm these numbers. */
  viesCode: string | null
  /** stdnum validators, tried in order; any success accepts the number. */
  validators: Validator[]
  /**
   * The canonical number from the validator's compact form (which drops the
   * prefix for most countries). Defaults to canonical prefix + compact.
   */
  canonical?: (compact: string, validator: Validator) => string
  /**
   * Only for recognising a prefix: whether the rest after it can start a
   * number of this country (keeps `NOVA…` from reading as a Norwegian number).
   */
  afterPrefix?: RegExp
  /** What the validators get, from the number without its prefix. Defaults to that number. */
  validatorInput?: (national: string) => string
}

const eu = (
  country: string,
  viesCode: string,
  validator: Validator,
  label: string,
  format: string,
  extraPrefixes: string[] = []
): TaxIdCountryRule => ({
  country,
  label,
  format,
  prefixes: [viesCode, ...extraPrefixes],
  viesCode,
  validators: [validator],
})

/** EU-27 VAT numbers: VIES prefix + national number; VIES can confirm them. */
const EU_RULES: TaxIdCountryRule[] = [
  eu("AT", "AT", stdnum.AT.uid, "Austrian VAT number (UID)", "ATU followed by 8 digits"),
  eu("BE", "BE", stdnum.BE.vat, "Belgian VAT number", "BE followed by 10 digits"),
  eu("BG", "BG", stdnum.BG.vat, "Bulgarian VAT number", "BG followed by 9 or 10 digits"),
  eu("CY", "CY", stdnum.CY.vat, "Cypriot VAT number", "CY followed by 8 digits and a letter"),
  eu("CZ", "CZ", stdnum.CZ.dic, "Czech VAT number (DIČ)", "CZ followed by 8 to 10 digits"),
  eu("DE", "DE", stdnum.DE.vat, "German VAT number (USt-IdNr.)", "DE followed by 9 digits"),
  eu("DK", "DK", stdnum.DK.cvr, "Danish VAT number (CVR)", "DK followed by 8 digits"),
  eu("EE", "EE", stdnum.EE.kmkr, "Estonian VAT number (KMKR)", "EE followed by 9 digits"),
  // Greece's VAT prefix is EL, not its ISO code; GR is accepted on input.
  eu("GR", "EL", stdnum.GR.vat, "Greek VAT number (ΑΦΜ)", "EL followed by 9 digits", ["GR"]),
  eu("ES", "ES", stdnum.ES.nif, "Spanish VAT number (NIF)", "ES followed by 9 letters or digits"),
  eu("FI", "FI", stdnum.FI.alv, "Finnish VAT number (ALV)", "FI followed by 8 digits"),
  eu("FR", "FR", stdnum.FR.tva, "French VAT number (TVA)", "FR followed by 2 letters or digits and 9 digits"),
  eu("HR", "HR", stdnum.HR.oib, "Croatian VAT number (OIB)", "HR followed by 11 digits"),
  eu("HU", "HU", stdnum.HU.anum, "Hungarian VAT number (ANUM)", "HU followed by 8 digits"),
  eu("IE", "IE", stdnum.IE.vat, "Irish VAT number", "IE followed by 7 digits and 1 or 2 letters"),
  eu("IT", "IT", stdnum.IT.iva, "Italian VAT number (Partita IVA)", "IT followed by 11 digits"),
  eu("LT", "LT", stdnum.LT.pvm, "Lithuanian VAT number (PVM)", "LT followed by 9 or 12 digits"),
  eu("LU", "LU", stdnum.LU.tva, "Luxembourg VAT number (TVA)", "LU followed by 8 digits"),
  eu("LV", "LV", stdnum.LV.pvn, "Latvian VAT number (PVN)", "LV followed by 11 digits"),
  eu("MT", "MT", stdnum.MT.vat, "Maltese VAT number", "MT followed by 8 digits"),
  eu("NL", "NL", stdnum.NL.btw, "Dutch VAT number (BTW)", "NL followed by 9 digits, B and 2 digits"),
  eu("PL", "PL", stdnum.PL.nip, "Polish VAT number (NIP)", "PL followed by 10 digits"),
  eu("PT", "PT", stdnum.PT.nif, "Portuguese VAT number (NIF)", "PT followed by 9 digits"),
  eu("RO", "RO", stdnum.RO.cif, "Romanian VAT number (CIF)", "RO followed by 2 to 10 digits"),
  eu("SE", "SE", stdnum.SE.vat, "Swedish VAT number (momsnummer)", "SE followed by 12 digits"),
  eu("SI", "SI", stdnum.SI.ddv, "Slovenian VAT number (DDV)", "SI followed by 8 digits"),
  eu("SK", "SK", stdnum.SK.dph, "Slovak VAT number (IČ DPH)", "SK followed by 10 digits"),
]

/**
 * Northern Ireland: UK VAT numbers traded under the EU rules for goods carry
 * `XI` and are in VIES; the number itself follows the UK rules.
 */
const NORTHERN_IRELAND_RULE: TaxIdCountryRule = {
  country: "GB",
  label: "Northern Ireland VAT number",
  format: "XI followed by 9 or 12 digits",
  prefixes: ["XI"],
  viesCode: "XI",
  validators: [stdnum.GB.vat],
}

/** Countries outside VIES: format and check digits only. */
const OTHER_RULES: TaxIdCountryRule[] = [
  {
    // Not in VIES since 1 January 2021.
    country: "GB",
    label: "UK VAT number",
    format: "GB followed by 9 or 12 digits",
    prefixes: ["GB"],
    viesCode: null,
    validators: [stdnum.GB.vat],
  },
  {
    country: "CH",
    label: "Swiss business identifier (UID) or VAT number",
    format: "CHE followed by 9 digits, optionally followed by MWST, TVA, IVA or TPV",
    prefixes: ["CHE"],
    viesCode: null,
    validators: [stdnum.CH.uid, stdnum.CH.vat],
    // stdnum wants CHE and keeps it (and a MWST/TVA/IVA suffix) in its
    // compact form; a number given without CHE (tax_country CH) gets it.
    validatorInput: (national) => `CHE${national}`,
    canonical: (compact) => compact,
    afterPrefix: /^\d/,
  },
  {
    country: "NO",
    label: "Norwegian organisation number or MVA number",
    format: "9 digits, or NO followed by 9 digits and MVA",
    prefixes: ["NO"],
    viesCode: null,
    validators: [stdnum.NO.mva, stdnum.NO.orgnr],
    // An MVA number is written NO…MVA; a bare organisation number stays bare.
    canonical: (compact, validator) =>
      validator === stdnum.NO.mva ? `NO${compact}` : compact,
    afterPrefix: /^\d/,
  },
  {
    country: "US",
    label: "US Employer Identification Number (EIN)",
    format: "9 digits, e.g. 12-3456789",
    prefixes: [],
    viesCode: null,
    validators: [stdnum.US.ein],
  },
  {
    country: "CA",
    label: "Canadian Business Number (BN)",
    format: "9 digits, optionally followed by a program account such as RT0001",
    prefixes: [],
    viesCode: null,
    validators: [stdnum.CA.bn],
  },
  {
    country: "AU",
    label: "Australian Business Number (ABN)",
    format: "11 digits",
    prefixes: [],
    viesCode: null,
    validators: [stdnum.AU.abn],
  },
]

/** Every rule; a number is matched by prefix first, then by country. */
export const TAX_ID_COUNTRY_RULES: readonly TaxIdCountryRule[] = [
  ...EU_RULES,
  NORTHERN_IRELAND_RULE,
  ...OTHER_RULES,
]

/** ISO codes of the EU member states whose VAT numbers VIES confirms. */
export const EU_VAT_COUNTRIES: readonly string[] = EU_RULES.map((r) => r.country)

/** VIES member-state codes: EU-27 (Greece EL) and Northern Ireland XI. */
export const VIES_COUNTRY_CODES: readonly string[] = [
  ...EU_RULES.map((r) => r.viesCode as string),
  "XI",
]

/** Countries with a validator (ISO codes), for documentation and the admin. */
export const VALIDATED_TAX_ID_COUNTRIES: readonly string[] = [
  ...new Set(TAX_ID_COUNTRY_RULES.map((r) => r.country)),
]

/** The rule for numbers written without a prefix in `country`; XI is reached by its prefix only. */
export function ruleForCountry(country: string): TaxIdCountryRule | null {
  return (
    TAX_ID_COUNTRY_RULES.find(
      (r) => r.country === country && r !== NORTHERN_IRELAND_RULE
    ) ?? null
  )
}

/** The rule whose prefix starts `compact`, with the rest after the prefix. */
export function ruleForPrefix(
  compact: string
): { rule: TaxIdCountryRule; prefix: string; rest: string } | null {
  let best: { rule: TaxIdCountryRule; prefix: string; rest: string } | null = null
  for (const rule of TAX_ID_COUNTRY_RULES) {
    for (const prefix of rule.prefixes) {
      if (!compact.startsWith(prefix) || compact.length === prefix.length) {
        continue
      }
      const rest = compact.slice(prefix.length)
      if (rule.afterPrefix && !rule.afterPrefix.test(rest)) {
        continue
      }
      if (!best || prefix.length > best.prefix.length) {
        best = { rule, prefix, rest }
      }
    }
  }
  return best
}
