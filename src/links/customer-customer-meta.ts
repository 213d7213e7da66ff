import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import CustomerMetaModule from "../modules/customer-meta"

// The inverse direction, so Query (and core routes) can read
// `customer.customer_meta`. Still no link table: joined on customer_id.
export default defineLink(
  {
    linkable: CustomerModule.linkable.customer,
    field: "id",
  },
  {
    ...CustomerMetaModule.linkable.customerMeta.id,
    primaryKey: "customer_id",
  },
  { readOnly: true }
)
