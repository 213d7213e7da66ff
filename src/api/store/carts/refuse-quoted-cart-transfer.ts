import { guardMiddleware } from "../../utils/guard-middleware"
import { assertQuotedCartOwner, quoteOfCart, quotedCartOwner } from "./quoted-cart"

/**
 * `POST /store/carts/:id/customer` moves a cart to the signed-in customer
 * and Medusa keeps its custom (quoted) unit prices: anyone who learned the
 * cart id would buy at another customer's quote. Only the customer it was
 * made for may call it on a quoted cart (403 `quote_customer_only`).
 */
export const refuseQuotedCartTransfer = guardMiddleware(async (req) => {
  const quote = await quoteOfCart(req, req.params.id)
  if (quote) {
    const owner = await quotedCartOwner(req, req.params.id)
    assertQuotedCartOwner(req, quote, owner.customer_id, "take it over")
  }
})
