import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import CompanyModule from "../modules/company"

// The inverse direction, so Query (and core routes such as
// `GET /admin/customers/:id?fields=*company_members.company`) can read a
// customer's memberships and their companies. Still no link table.
export default defineLink(
  {
    linkable: CustomerModule.linkable.customer,
    field: "id",
  },
  {
    ...CompanyModule.linkable.companyMember.id,
    primaryKey: "customer_id",
  },
  // A customer may belong to several companies: `company_members` (a list).
  { readOnly: true, isList: true }
)
