import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import CompanyModule from "../modules/company"

// Read-only: company_member stores customer_id itself, so no link table.
// Lets Query read `company_member.customer` (the admin's member list).
export default defineLink(
  {
    linkable: CompanyModule.linkable.companyMember,
    field: "customer_id",
  },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
