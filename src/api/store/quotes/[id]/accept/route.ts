import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { quoteExpiredError } from "../../../../../modules/quote/utils/transitions"
import type { StoreAcceptQuoteResponse } from "../../../../../types"
import { acceptQuoteWorkflow } from "../../../../../workflows/quote"
import { refetchQuote } from "../../../../utils/query-quotes"
import { refetchStoreCart } from "../../../../utils/refetch-store-cart"
import { callerQuoteScope, scopeFilters } from "../../quote-scope"
import type { StoreQuoteActionType } from "../../validators"

/**
 * Accepts a quoted offer: answers the quote (with `?fields=`) and a Medusa
 * cart holding the quoted prices, to check out as usual. An offer past its
 * expiry is marked expired and refused. The cart is the caller's; a
 * company's quote is accepted by a company admin only (the route's guard).
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreQuoteActionType>,
  res: MedusaResponse<StoreAcceptQuoteResponse>
) => {
  const scope = await callerQuoteScope(req)
  const { result } = await acceptQuoteWorkflow(req.scope).run({
    input: {
      quote_id: req.params.id,
      customer_id: scope.customer_id,
      company_id: scope.company_id,
      sales_channel_ids: req.publishable_key_context?.sales_channel_ids ?? [],
      additional_data: req.validatedBody.additional_data,
    },
  })

  if (result.expired) {
    // The workflow recorded the expiry; the caller learns when it ran out.
    const { expires_at } = await refetchQuote(req, { id: result.quote_id }, ["id", "expires_at"])
    throw quoteExpiredError({ id: result.quote_id, status: "expired", expires_at })
  }
  res.json({
    quote: await refetchQuote(req, { id: result.quote_id, ...scopeFilters(scope) }),
    cart: await refetchStoreCart(req.scope, result.cart_id!),
  })
}
