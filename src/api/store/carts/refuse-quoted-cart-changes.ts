import { isSameEmail } from "../../../utils/customer-email"
import { guardMiddleware } from "../../utils/guard-middleware"
import { quoteOfCart, quotedCartLocked, quotedCartOwner } from "./quoted-cart"

type CartUpdate = {
  region_id?: string
  sales_channel_id?: string | null
  email?: string | null
}

/**
 * `POST /store/carts/:id` on a quoted cart: the quote fixed its region and
 * currency (a new region deletes custom-priced lines and re-prices), its
 * sales channel, and its customer. An email other than its customer's
 * (compared case-insensitively) could hand the cart to another customer,
 * so it is refused too. Addresses, metadata, promotions and the
 * locale stay free: they change neither the buyer nor the quoted prices.
 */
export const refuseQuotedCartChanges = guardMiddleware(async (req) => {
  const quote = await quoteOfCart(req, req.params.id)
  if (!quote) {
    return
  }
  const body = ((req as { validatedBody?: unknown }).validatedBody ?? req.body ?? {}) as CartUpdate
  if (body.region_id !== undefined && body.region_id !== quote.region_id) {
    throw quotedCartLocked(quote, "its region (and so its currency) can't change")
  }
  if (body.sales_channel_id !== undefined && body.sales_channel_id !== quote.sales_channel_id) {
    throw quotedCartLocked(quote, "its sales channel can't change")
  }
  if (typeof body.email === "string") {
    const owner = await quotedCartOwner(req, req.params.id)
    if (!isSameEmail(body.email, owner.email)) {
      throw quotedCartLocked(quote, "its email must stay its customer's")
    }
  }
})
