import { guardMiddleware } from "../../utils/guard-middleware"
import { quoteOfCart, quotedCartLocked } from "./quoted-cart"

/**
 * `POST /store/carts/:id/line-items`, `POST|DELETE
 * /store/carts/:id/line-items/:line_id` (and anything else a later Medusa
 * serves under `line-items`): a cart made from an accepted quote
 * holds custom unit prices, and Medusa keeps a custom price when a line's
 * quantity changes, so 10 units at a volume price would become 1,000 at that
 * price. Its lines are fixed (400 `quoted_cart_locked`); whether a cart is
 * quoted is read from the quote, not from the cart's metadata.
 */
export const refuseQuotedLineChanges = guardMiddleware(async (req) => {
  const quote = await quoteOfCart(req, req.params.id)
  if (quote) {
    throw quotedCartLocked(quote, "its lines can't be added, changed or removed")
  }
})
