import { MedusaService } from "@medusajs/framework/utils"
import type {
  QuoteRequestDTO,
  QuoteRequestInput,
  QuoteRequestItemDTO,
  QuoteRequestItemInput,
} from "../../types/quote"
import QuoteRequest from "./models/quote-request"
import QuoteRequestItem from "./models/quote-request-item"

// Plain data access; the lifecycle rules live in utils/transitions.ts and
// are applied by the quote workflows. Typed through MedusaService's DTO
// generic, so callers get the plugin's shared DTOs without casts.
class QuoteModuleService extends MedusaService<{
  QuoteRequest: { dto: QuoteRequestDTO; inputDto: QuoteRequestInput }
  QuoteRequestItem: { dto: QuoteRequestItemDTO; inputDto: QuoteRequestItemInput }
}>({
  QuoteRequest,
  QuoteRequestItem,
}) {}

export default QuoteModuleService
