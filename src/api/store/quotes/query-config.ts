import {
  DEFAULT_QUOTE_FIELDS,
  QUOTE_ALLOWED_FIELDS,
} from "../../utils/quote-fields"

/**
 * A customer sees their quote and its lines, nothing through the links
 * (no `customer`, no role): any other field is refused.
 */
export const storeQuoteFields = DEFAULT_QUOTE_FIELDS
export const storeQuoteAllowedFields = QUOTE_ALLOWED_FIELDS

export const retrieveStoreQuoteQueryConfig = {
  defaults: storeQuoteFields,
  allowed: storeQuoteAllowedFields,
  isList: false,
}

export const listStoreQuotesQueryConfig = { ...retrieveStoreQuoteQueryConfig, isList: true }
