import { model } from "@medusajs/framework/utils"
import CompanyMember from "./company-member"

/**
 * A Clerk Organization as a company of the store (DESIGN §10). Name and
 * membership come from Clerk; tax data from a company admin; verification
 * from a store admin.
 */
const Company = model
  .define("company", {
    id: model.id({ prefix: "comp" }).primaryKey(),
    clerk_organization_id: model.text(),
    name: model.text().searchable(),
    tax_id: model.text().searchable().nullable(),
    tax_id_country: model.text().nullable(),
    country_code: model.text().nullable(),
    is_verified: model.boolean().default(false),
    verified_at: model.dateTime().nullable(),
    verified_by: model.text().nullable(),
    // The company's own customer group, created with the company: a price
    // list on it gives the company's members (while verified) its prices.
    customer_group_id: model.text().nullable(),
    // Clerk's updated_at of the organization data last applied: older
    // webhook deliveries are stale and ignored.
    clerk_updated_at: model.dateTime().nullable(),
    members: model.hasMany(() => CompanyMember, { mappedBy: "company" }),
  })
  .indexes([
    {
      // One live company per organization: the backstop of the per-
      // organization lock when many members sign in at once.
      name: "IDX_company_clerk_organization_id_unique",
      on: ["clerk_organization_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_company_is_verified",
      on: ["is_verified"],
      where: "deleted_at IS NULL",
    },
  ])
  .checks([
    {
      name: "CHK_company_name_length",
      expression: (columns) => `length(${columns.name}) BETWEEN 1 AND 255`,
    },
    {
      name: "CHK_company_country_code",
      expression: (columns) =>
        `${columns.country_code} IS NULL OR ${columns.country_code} ~ '^[A-Z]{2}$'`,
    },
    {
      name: "CHK_company_verified_at",
      expression: (columns) =>
        `${columns.is_verified} = (${columns.verified_at} IS NOT NULL)`,
    },
  ])

export default Company
