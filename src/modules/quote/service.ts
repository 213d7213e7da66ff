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
}) {
  /**
   * The quote whose accepted cart is `cartId`, with its lines, or null for
   * any other cart. Decided by the quote's own `cart_id` (server-owned, one
   * unique index lookup), never by the cart's metadata, which any holder of
   * the cart id may rewrite.
   */
  async retrieveQuoteForCart(cartId: string): Promise<QuoteRequestDTO | null> {
    if (!cartId) {
      return null
    }
    const [quote] = await this.listQuoteRequests(
      { cart_id: cartId },
      { relations: ["items"], take: 1 }
    )
    return quote ?? null
  }
}

export default QuoteModuleService
