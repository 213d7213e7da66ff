import { model } from "@medusajs/framework/utils"
import { TAX_ID_STATUSES } from "../../../utils/tax-id/types"

import { ACCOUNT_TYPES } from "../../../types/account"
import { COMPANY_ROLES } from "../../../types/company"

const CustomerMeta = model
  .define("customer_meta", {
    id: model.id({ prefix: "cmeta" }).primaryKey(),
    customer_id: model.text(),
    clerk_user_id: model.text(),
    account_type: model.enum([...ACCOUNT_TYPES]).default("individual"),
    company_name: model.text().searchable().nullable(),
    // Canonical (DESIGN §11.1): compact, upper case, EU VAT with its prefix.
    tax_id: model.text().searchable().nullable(),
    // ISO 3166-1 alpha-2 of the tax ID's country, when known (GR for EL…).
    tax_id_country: model.text().nullable(),
    // Validation and VIES state of tax_id; null exactly when tax_id is null.
    tax_id_status: model.enum([...TAX_ID_STATUSES]).nullable(),
    // When VIES last gave a definite answer (valid/invalid) for tax_id.
    tax_id_checked_at: model.dateTime().nullable(),
    // The tax_id_check (module roleSyncTaxIdCheck) holding the evidence for
    // tax_id; a late answer of any other check is not applied.
    tax_id_check_id: model.text().nullable(),
    // VIES said invalid while the business was verified: the admin decides.
    tax_id_flagged_at: model.dateTime().nullable(),
    is_verified: model.boolean().default(false),
    verified_at: model.dateTime().nullable(),
    verified_by: model.text().nullable(),
    // Clerk's updated_at of the user data last applied: webhook deliveries
    // older than this are stale and ignored.
    clerk_updated_at: model.dateTime().nullable(),
    // The company the customer buys for, copied from the roleSyncCompany
    // module by the company workflows so that a guard reads one row (DESIGN
    // §10): the company's id and name, the customer's role in it and the
    // company's verification. Null for sole traders and individuals.
    active_company_id: model.text().nullable(),
    active_company_name: model.text().nullable(),
    active_company_role: model.enum([...COMPANY_ROLES]).nullable(),
    active_company_verified: model.boolean().default(false),
  })
  .indexes([
    {
      name: "IDX_customer_meta_customer_id_unique",
      on: ["customer_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_customer_meta_clerk_user_id_unique",
      on: ["clerk_user_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    {
      // Company workflows update every member of a company at once.
      name: "IDX_customer_meta_active_company_id",
      on: ["active_company_id"],
      where: "deleted_at IS NULL AND active_company_id IS NOT NULL",
    },
    {
      name: "IDX_customer_meta_account_type_is_verified",
      on: ["account_type", "is_verified"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_customer_meta_account_type_tax_id_status",
      on: ["account_type", "tax_id_status"],
      where: "deleted_at IS NULL",
    },
  ])
  // The database refuses states the rules forbid, whoever writes them.
  .checks([
    {
      name: "CHK_customer_meta_individual_has_no_company",
      expression: (columns) =>
        `${columns.account_type} = 'business' OR (${columns.company_name} IS NULL AND ${columns.tax_id} IS NULL)`,
    },
    {
      name: "CHK_customer_meta_business_has_company",
      expression: (columns) =>
        `${columns.account_type} = 'individual' OR (${columns.company_name} IS NOT NULL AND length(${columns.company_name}) BETWEEN 1 AND 255)`,
    },
    {
      name: "CHK_customer_meta_only_business_verified",
      expression: (columns) =>
        `${columns.is_verified} = false OR ${columns.account_type} = 'business'`,
    },
    {
      name: "CHK_customer_meta_active_company_complete",
      expression: (columns) =>
        `(${columns.active_company_id} IS NULL) = (${columns.active_company_role} IS NULL) AND (${columns.active_company_id} IS NOT NULL OR ${columns.active_company_verified} = false)`,
    },
    {
      // Canonical form only (src/utils/tax-id): no spaces, dots or dashes.
      name: "CHK_customer_meta_tax_id_canonical",
      expression: (columns) =>
        `${columns.tax_id} IS NULL OR ${columns.tax_id} ~ '^[A-Z0-9][A-Z0-9/]{0,31}$'`,
    },
    {
      name: "CHK_customer_meta_tax_id_status_with_tax_id",
      expression: (columns) =>
        `(${columns.tax_id} IS NULL) = (${columns.tax_id_status} IS NULL)`,
    },
    {
      name: "CHK_customer_meta_tax_id_country_iso",
      expression: (columns) =>
        `${columns.tax_id_country} IS NULL OR (${columns.tax_id} IS NOT NULL AND ${columns.tax_id_country} ~ '^[A-Z]{2}$')`,
    },
  ])

export default CustomerMeta
