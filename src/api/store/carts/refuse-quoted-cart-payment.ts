import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaRequest } from "@medusajs/framework/http"
import { guardMiddleware } from "../../utils/guard-middleware"
import { assertQuotedCartOwner, quoteOfCart, quotedCartOwner } from "./quoted-cart"

async function cartOfPaymentCollection(req: MedusaRequest, paymentCollectionId: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart_payment_collection",
    fields: ["cart_id"],
    filters: { payment_collection_id: paymentCollectionId },
  })
  return (data[0] as { cart_id?: string } | undefined)?.cart_id
}

/**
 * `POST /store/payment-collections` (`cart_id` in the body) and `POST
 * /store/payment-collections/:id/payment-sessions`: a quoted cart is paid
 * by the customer it was made for, signed in (403 `quote_customer_only` for
 * anyone else). Ordinary carts cost one indexed lookup.
 */
export const refuseQuotedCartPaymentCollection = guardMiddleware(async (req) => {
  const body = (req.body as { cart_id?: unknown } | undefined)?.cart_id
  const cartId = typeof body === "string" ? body : undefined
  const quote = await quoteOfCart(req, cartId)
  if (quote) {
    const owner = await quotedCartOwner(req, cartId!)
    assertQuotedCartOwner(req, quote, owner.customer_id, "pay for it")
  }
})

export const refuseQuotedCartPaymentSession = guardMiddleware(async (req) => {
  const cartId = await cartOfPaymentCollection(req, req.params.id)
  const quote = await quoteOfCart(req, cartId)
  if (quote) {
    const owner = await quotedCartOwner(req, cartId!)
    assertQuotedCartOwner(req, quote, owner.customer_id, "pay for it")
  }
})
