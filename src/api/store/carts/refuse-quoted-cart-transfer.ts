import { guardMiddleware } from "../../utils/guard-middleware"
import { assertQuoteCustomer, quoteOfCart } from "./quoted-cart"

/**
 * `POST /store/carts/:id/customer` moves a cart to the signed-in customer
 * and Medusa keeps its custom (quoted) unit prices: anyone who learned the
 * cart id would buy at another customer's quote. Only the quote's customer
 * may take it (403 `quote_customer_only`).
 */
export const refuseQuotedCartTransfer = guardMiddleware(async (req) => {
  const quote = await quoteOfCart(req, req.params.id)
  if (quote) {
    assertQuoteCustomer(req, quote, "take it over")
  }
})
