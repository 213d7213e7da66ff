import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import QuoteModule from "../modules/quote"

// Read-only: quote_request stores customer_id itself, so no link table. Lets
// Query read `quote_request.customer` (and its customer_meta) for the admin.
export default defineLink(
  {
    linkable: QuoteModule.linkable.quoteRequest,
    field: "customer_id",
  },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
