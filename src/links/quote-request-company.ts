import { defineLink } from "@medusajs/framework/utils"
import CompanyModule from "../modules/company"
import QuoteModule from "../modules/quote"

// Read-only: quote_request stores company_id itself. Lets Query read
// `quote_request.company` (the admin's quote list names the company).
export default defineLink(
  {
    linkable: QuoteModule.linkable.quoteRequest,
    field: "company_id",
  },
  CompanyModule.linkable.company,
  { readOnly: true }
)
