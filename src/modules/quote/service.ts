import { MedusaService } from "@medusajs/framework/utils"
import QuoteRequest from "./models/quote-request"
import QuoteRequestItem from "./models/quote-request-item"
import type { QuoteRequestDTO } from "./types"

// Plain data access; the lifecycle rules live in utils/transitions.ts and
// are applied by the quote workflows.
class QuoteModuleService extends MedusaService({
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
    return (quote as unknown as QuoteRequestDTO) ?? null
  }
}

export default QuoteModuleService
