export * from "./types"
export * from "./tax-id-validation-error"
export {
  TAX_ID_COUNTRY_RULES,
  EU_VAT_COUNTRIES,
  VIES_COUNTRY_CODES,
  VALIDATED_TAX_ID_COUNTRIES,
  type TaxIdCountryRule,
} from "./country-rules"
export {
  TAX_ID_MAX_LENGTH,
  CANONICAL_TAX_ID_PATTERN,
  normalizeTaxId,
  normalizeTaxCountry,
  compactTaxId,
  canonicalizeStoredTaxId,
} from "./normalize-tax-id"
export * from "./registered-name-match"
