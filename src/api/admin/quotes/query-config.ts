import {
  DEFAULT_QUOTE_FIELDS,
  QUOTE_ALLOWED_FIELDS,
} from "../../utils/quote-fields"
import { ADMIN_CUSTOMER_META_FIELDS } from "../../../types"

const COMPANY_FIELDS = [
  "id",
  "clerk_organization_id",
  "name",
  "tax_id",
  "tax_id_country",
  "country_code",
  "is_verified",
  "verified_at",
  "customer_group_id",
]

const CUSTOMER_FIELDS = [
  "id",
  "email",
  "first_name",
  "last_name",
  "company_name",
  "phone",
  "has_account",
  "created_at",
  "updated_at",
]

/**
 * The admin sees the quote, its lines and the customer with their declared
 * company and whether it is verified (a declared business is a claim; the
 * admin prices knowing this).
 */
export const adminQuoteFields = [
  ...DEFAULT_QUOTE_FIELDS,
  "customer.id",
  "customer.email",
  "customer.first_name",
  "customer.last_name",
  "customer.customer_meta.company_name",
  "customer.customer_meta.is_verified",
  // The company it belongs to (DESIGN §10): its verification is what counts
  // for its members.
  "company.id",
  "company.name",
  "company.is_verified",
]

export const adminQuoteAllowedFields = [
  ...QUOTE_ALLOWED_FIELDS,
  "customer",
  ...CUSTOMER_FIELDS.map((field) => `customer.${field}`),
  "customer.customer_meta",
  ...ADMIN_CUSTOMER_META_FIELDS.map((field) => `customer.customer_meta.${field}`),
  "company",
  ...COMPANY_FIELDS.map((field) => `company.${field}`),
]

export const retrieveAdminQuoteQueryConfig = {
  defaults: adminQuoteFields,
  allowed: adminQuoteAllowedFields,
  isList: false,
}

export const listAdminQuotesQueryConfig = { ...retrieveAdminQuoteQueryConfig, isList: true }
