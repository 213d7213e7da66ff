import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import CustomerMetaModule from "../modules/customer-meta"

// Read-only: customer_meta stores customer_id itself, so no link table.
export default defineLink(
  {
    linkable: CustomerMetaModule.linkable.customerMeta,
    field: "customer_id",
  },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
