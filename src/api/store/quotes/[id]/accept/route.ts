import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { quoteExpiredError } from "../../../../../modules/quote/utils/transitions"
import { acceptQuoteWorkflow } from "../../../../../workflows/quote"
import { refetchStoreCart } from "../../../../utils/refetch-store-cart"
import { fetchCustomerQuote } from "../../helpers"

/**
 * Accepts a quoted offer: answers the quote and a Medusa cart holding the
 * quoted prices, to check out as usual. An offer past its expiry is marked
 * expired and refused.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const customerId = req.auth_context.actor_id
  const { result } = await acceptQuoteWorkflow(req.scope).run({
    input: {
      quote_id: req.params.id,
      customer_id: customerId,
      sales_channel_ids: req.publishable_key_context?.sales_channel_ids ?? [],
    },
  })

  const quote = await fetchCustomerQuote(req.scope, result.quote_id, customerId)
  if (result.expired) {
    throw quoteExpiredError(quote)
  }
  res.json({ quote, cart: await refetchStoreCart(req.scope, result.cart_id!) })
}
