import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { quoteExpiredError } from "../../../../../modules/quote/utils/transitions"
import { acceptQuoteWorkflow } from "../../../../../workflows/quote"
import { refetchStoreCart } from "../../../../utils/refetch-store-cart"
import { callerQuoteScope, fetchCustomerQuote } from "../../helpers"

/**
 * Accepts a quoted offer: answers the quote and a Medusa cart (the
 * caller's) holding the quoted prices, to check out as usual. For a company
 * quote only a company admin may (the route's guard). An offer past its expiry is marked
 * expired and refused.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const scope = await callerQuoteScope(req)
  const { result } = await acceptQuoteWorkflow(req.scope).run({
    input: {
      quote_id: req.params.id,
      customer_id: scope.customer_id,
      company_id: scope.company_id,
      sales_channel_ids: req.publishable_key_context?.sales_channel_ids ?? [],
    },
  })

  const quote = await fetchCustomerQuote(req.scope, result.quote_id, scope)
  if (result.expired) {
    throw quoteExpiredError(quote)
  }
  res.json({ quote, cart: await refetchStoreCart(req.scope, result.cart_id!) })
}
