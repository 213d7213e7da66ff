import { MedusaService } from "@medusajs/framework/utils"
import QuoteRequest from "./models/quote-request"
import QuoteRequestItem from "./models/quote-request-item"

// Plain data access; the lifecycle rules live in utils/transitions.ts and
// are applied by the quote workflows.
class QuoteModuleService extends MedusaService({
  QuoteRequest,
  QuoteRequestItem,
}) {}

export default QuoteModuleService
