import { MathBN } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { MedusaError } from "@medusajs/framework/utils"
import { CUSTOMER_META_MODULE } from "../modules/customer-meta"
import type CustomerMetaModuleService from "../modules/customer-meta/service"
import type { QuoteRequestDTO } from "../types"
import { effectiveCustomerRole } from "../types/customer-meta"
import type { CheckoutCart } from "./checkout-cart"
import { RoleSyncErrorCodes, roleSyncError } from "./errors"

const notPayable = (quote: QuoteRequestDTO, why: string) =>
  roleSyncError(
    RoleSyncErrorCodes.QUOTE_NOT_PAYABLE,
    `This cart holds quote ${quote.id}, and its quoted prices can no longer be paid: ${why}. Request a new quote.`,
    { quote_id: quote.id }
  )

/**
 * Why a cart made from `quote` can't be checked out at the quoted prices
 * now, or null when it can (DESIGN §9.2-9.3). The cart's customer is the
 * one the quote's accept workflow made it for (guards keep it from
 * changing hands); the caller checks that customer is the one signed in.
 * - that customer is still a business (the account the offer was made to;
 *   an account turned individual or deleted loses it; a company member is
 *   a business through its company, DESIGN §10);
 * - for a company's quote, that customer still buys for the company (its
 *   active company): a member removed from it, or acting for another
 *   company, loses the company's offer;
 * - the offer has not expired (`expires_at`);
 * - the cart still is the quote: its currency and every line (variant,
 *   quantity, quoted unit price), nothing added.
 * Returns a `quote_not_payable` (409) error.
 */
export async function quotedCartProblem(
  container: MedusaContainer,
  cart: CheckoutCart,
  quote: QuoteRequestDTO,
  now = new Date()
): Promise<MedusaError | null> {
  if (!cart.customer_id) {
    return notPayable(quote, "the cart has no customer")
  }
  const metas: CustomerMetaModuleService = container.resolve(CUSTOMER_META_MODULE)
  const meta = await metas.retrieveByCustomerId(cart.customer_id)
  const role = meta ? effectiveCustomerRole(meta) : null
  if (role?.account_type !== "business") {
    return notPayable(quote, "it was offered to a business account, and this account is no longer one")
  }
  if (quote.company_id && role.company?.id !== quote.company_id) {
    return notPayable(
      quote,
      "it was offered to a company this account no longer buys for (removed from it, or another company is active)"
    )
  }
  if (quote.expires_at && new Date(quote.expires_at).getTime() <= now.getTime()) {
    return notPayable(quote, `the offer expired on ${new Date(quote.expires_at).toISOString()}`)
  }
  const quoted = new Map((quote.items ?? []).map((item) => [item.variant_id, item]))
  const matches =
    cart.currency_code?.toLowerCase() === quote.currency_code.toLowerCase() &&
    cart.items.length === quoted.size &&
    cart.items.every((line) => {
      const item = line.variant_id ? quoted.get(line.variant_id) : undefined
      return (
        !!item &&
        item.quoted_unit_price != null &&
        line.quantity === Number(item.quantity) &&
        MathBN.eq(line.unit_price, item.quoted_unit_price as number)
      )
    })
  if (!matches) {
    return notPayable(quote, "the cart's lines no longer match the quote")
  }
  return null
}
