import { refreshCartItemsWorkflow } from "@medusajs/medusa/core-flows"
import { MathBN } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { type CheckoutCart, loadCheckoutCart } from "../../../utils/checkout-cart"
import {
  cartPriceDrift,
  entitlementChangeReason,
  hasManagedGroupPricing,
} from "../../../utils/entitlement-prices"
import { RoleSyncErrorCodes, roleSyncError } from "../../../utils/errors"
import { quotedCartProblem } from "../../../utils/quoted-cart-terms"
import { guardMiddleware } from "../../utils/guard-middleware"
import { assertQuotedCartOwner, quoteOfCart } from "./quoted-cart"

/**
 * Checks that no price depending on who the buyer is has outlived the
 * buyer's entitlement. Only a cart whose customer is set, with lines at
 * catalog (not custom) prices, in a store where some price list or price
 * targets a plugin-managed customer group, is priced again (read-only);
 * all other carts stop after two small rule queries.
 *
 * When a line's price differs, Medusa's own refresh re-prices the cart
 * (lines, taxes, promotions, payment collection) and the checkout answers
 * 409 `prices_changed` naming why and which lines: the next attempt
 * completes at the buyer's current prices. (Prices that differ for another
 * reason, e.g. a catalog change since the cart was priced, are re-priced the
 * same way rather than completed stale.)
 */
async function assertEntitlementPricesHold(container: MedusaContainer, cart: CheckoutCart) {
  if (!cart.customer_id || !cart.items.some((line) => !line.is_custom_price)) {
    return
  }
  if (!(await hasManagedGroupPricing(container))) {
    return
  }
  if (!(await cartPriceDrift(container, cart)).length) {
    return
  }
  // Medusa's own re-pricing, so the cart ends exactly as any cart refresh
  // leaves it; only lines it really changed count.
  await refreshCartItemsWorkflow(container).run({
    input: { cart_id: cart.id, force_refresh: true },
  })
  const after = await loadCheckoutCart(container, cart.id)
  const before = new Map(cart.items.map((line) => [line.id, line]))
  const changed = (after?.items ?? []).filter((line) => {
    const was = before.get(line.id)
    return was && !was.is_custom_price && !MathBN.eq(was.unit_price, line.unit_price)
  })
  if (!changed.length) {
    return
  }
  const reason = await entitlementChangeReason(container, cart.customer_id)
  throw roleSyncError(
    RoleSyncErrorCodes.PRICES_CHANGED,
    `The prices in this cart changed: ${reason}. The cart was re-priced at the prices that apply now (${changed.length} ${changed.length === 1 ? "line" : "lines"}); check the new total, renew the payment if needed and complete the order again.`,
    {
      cart_id: cart.id,
      changed_items: changed.map((line) => ({
        id: line.id,
        variant_id: line.variant_id,
        previous_unit_price: before.get(line.id)!.unit_price,
        unit_price: line.unit_price,
      })),
    }
  )
}

/**
 * `POST /store/carts/:id/complete` (DESIGN §9.2-9.3). A quoted cart
 * completes only for the customer it was made for, signed in (403
 * `quote_customer_only`), while the quote's terms hold (409
 * `quote_not_payable`: offer expired, no longer a business, lines differ).
 * Any other cart completes at the prices its buyer is entitled to now, or
 * is re-priced and refused once (409 `prices_changed`). A cart already
 * completed is left to Medusa (it answers the order again).
 */
export const checkCartEntitlement = guardMiddleware(async (req) => {
  const cart = await loadCheckoutCart(req.scope, req.params.id)
  if (!cart || cart.completed_at) {
    return
  }
  const quote = await quoteOfCart(req, cart.id)
  if (quote) {
    assertQuotedCartOwner(req, quote, cart.customer_id, "complete it")
    const problem = await quotedCartProblem(req.scope, cart, quote)
    if (problem) {
      throw problem
    }
    return
  }
  await assertEntitlementPricesHold(req.scope, cart)
})
