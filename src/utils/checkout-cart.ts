import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"

export type CheckoutCartLine = {
  id: string
  variant_id: string | null
  quantity: number
  /** Major units of the cart's currency. */
  unit_price: number
  is_custom_price: boolean
}

export type CheckoutCart = {
  id: string
  completed_at: Date | string | null
  customer_id: string | null
  currency_code: string
  region_id: string | null
  items: CheckoutCartLine[]
  /** The fields Medusa's cart pricing reads (see pricingContextOf). */
  [field: string]: unknown
}

/**
 * The cart fields Medusa builds a line's pricing context from when it
 * prices a cart (core-flows' cart pricing: sales channel, currency, region,
 * shipping address, locale, email, the customer and its groups).
 */
const PRICING_CONTEXT_FIELDS = [
  "sales_channel_id",
  "locale",
  "email",
  "shipping_address.city",
  "shipping_address.country_code",
  "shipping_address.province",
  "shipping_address.postal_code",
  "customer.id",
  "customer.groups.id",
]

/** A cart as the checkout guards read it: lines, prices, owner; null when unknown. */
export async function loadCheckoutCart(
  container: MedusaContainer,
  cartId: string
): Promise<CheckoutCart | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [cart],
  } = await query.graph({
    entity: "cart",
    fields: [
      "id",
      "completed_at",
      "customer_id",
      "currency_code",
      "region_id",
      ...PRICING_CONTEXT_FIELDS,
      "items.id",
      "items.variant_id",
      "items.quantity",
      "items.unit_price",
      "items.is_custom_price",
    ],
    filters: { id: cartId },
  })
  if (!cart) {
    return null
  }
  return {
    ...cart,
    items: (cart.items ?? []).filter(Boolean).map((item: any) => ({
      id: item.id,
      variant_id: item.variant_id ?? null,
      quantity: Number(item.quantity),
      unit_price: Number(item.unit_price),
      is_custom_price: !!item.is_custom_price,
    })),
  } as CheckoutCart
}

/** The pricing context of one line of `cart`, as Medusa's cart pricing builds it. */
export function pricingContextOf(cart: CheckoutCart, line: CheckoutCartLine) {
  const { items: _items, completed_at: _completed, ...fields } = cart
  return {
    ...fields,
    currency_code: cart.currency_code,
    region_id: cart.region_id,
    customer_id: cart.customer_id,
    quantity: line.quantity,
    is_custom_price: false,
  }
}
