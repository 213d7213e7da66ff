import { MathBN, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { CUSTOMER_META_MODULE } from "../modules/customer-meta"
import type CustomerMetaModuleService from "../modules/customer-meta/service"
import { priceCartLinesWorkflow } from "../workflows/cart-entitlement/workflows/price-cart-lines"
import { type CheckoutCart, pricingContextOf } from "./checkout-cart"
import { filterManagedGroupIds } from "./managed-customer-groups"

/** The pricing rule attribute Medusa matches against a customer's groups. */
export const CUSTOMER_GROUP_RULE = "customer.groups.id"

/**
 * True when some price list or price has a rule on a customer group the
 * plugin manages: only then can a cart hold a price that depends on the
 * buyer's entitlement. Two small queries on the pricing module's rule
 * tables (plus one on the groups they name).
 */
export async function hasManagedGroupPricing(container: MedusaContainer): Promise<boolean> {
  const pricing = container.resolve(Modules.PRICING)
  // `attribute` is a column of both rule models (and filterable through the
  // generated list methods), though the filter types don't name it.
  const byAttribute = { attribute: CUSTOMER_GROUP_RULE } as any
  const [listRules, priceRules] = await Promise.all([
    pricing.listPriceListRules(byAttribute, { select: ["id", "value"] }),
    pricing.listPriceRules(byAttribute, { select: ["id", "value"] }),
  ])
  const groupIds = [...listRules, ...priceRules]
    .flatMap((rule) => [(rule as { value?: unknown }).value].flat())
    .filter((value): value is string => typeof value === "string")
  return (await filterManagedGroupIds(container, groupIds)).length > 0
}

export type PriceDrift = {
  id: string
  variant_id: string | null
  /** The cart's unit price (major units). */
  cart_unit_price: number
  /** What the buyer would pay now (major units). */
  unit_price: number
}

/**
 * Read-only: the lines of `cart` (not custom-priced) whose unit price
 * differs from what Medusa's pricing gives this buyer now. A line whose
 * price can't be computed is left to Medusa's checkout.
 */
export async function cartPriceDrift(
  container: MedusaContainer,
  cart: CheckoutCart
): Promise<PriceDrift[]> {
  const lines = cart.items.filter((line) => !line.is_custom_price && line.variant_id)
  if (!lines.length) {
    return []
  }
  const { result } = await priceCartLinesWorkflow(container).run({
    input: {
      lines: lines.map((line) => ({
        id: line.id,
        variantId: line.variant_id!,
        context: pricingContextOf(cart, line),
      })),
    },
  })
  const prices = result as Record<string, { calculated_amount?: unknown } | undefined>
  return lines.flatMap((line) => {
    const now = prices[line.id]?.calculated_amount
    if (now === undefined || now === null || MathBN.eq(now as number, line.unit_price)) {
      return []
    }
    return [
      {
        id: line.id,
        variant_id: line.variant_id,
        cart_unit_price: line.unit_price,
        unit_price: Number(now),
      },
    ]
  })
}

/** Why a customer's prices changed, as a phrase for the checkout refusal. */
export async function entitlementChangeReason(
  container: MedusaContainer,
  customerId: string
): Promise<string> {
  const metas: CustomerMetaModuleService = container.resolve(CUSTOMER_META_MODULE)
  const meta = await metas.retrieveByCustomerId(customerId)
  if (!meta) {
    return "they were special prices of an account that no longer has them"
  }
  if (meta.account_type !== "business") {
    return "they were business prices, and the account is no longer a business account"
  }
  if (!meta.is_verified) {
    return "they were prices for verified businesses, and the account is no longer verified"
  }
  return "the customer groups that set this buyer's prices changed since the cart was priced"
}
