import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { QUOTE_MODULE } from "../../../modules/quote"
import type QuoteModuleService from "../../../modules/quote/service"
import type { QuoteRequestDTO } from "../../../types"
import { RoleSyncErrorCodes, roleSyncError } from "../../../utils/errors"

type Memo = {
  __roleSyncQuoteOfCart?: Map<string, Promise<QuoteRequestDTO | null>>
  __roleSyncCartOwner?: Map<string, Promise<QuotedCartOwner>>
}

export type QuotedCartOwner = { customer_id: string | null; email: string | null }

/**
 * The accepted quote held by cart `cartId`, or null for an ordinary cart:
 * decided by the quote module's `cart_id` (one unique-index lookup), never
 * by the cart's metadata. Memoized on the request.
 */
export function quoteOfCart(req: MedusaRequest, cartId: string | undefined) {
  if (!cartId) {
    return Promise.resolve(null)
  }
  const memo = ((req as MedusaRequest & Memo).__roleSyncQuoteOfCart ??= new Map())
  if (!memo.has(cartId)) {
    const quotes: QuoteModuleService = req.scope.resolve(QUOTE_MODULE)
    memo.set(cartId, quotes.retrieveQuoteForCart(cartId))
  }
  return memo.get(cartId)!
}

/**
 * Whose a quoted cart is: the customer the quote's accept workflow created
 * it for (the quote's customer; for a company, the member who accepted).
 * The guards keep it from changing hands, so the cart's own customer is
 * that customer for good. Read only for quoted carts.
 */
export function quotedCartOwner(req: MedusaRequest, cartId: string): Promise<QuotedCartOwner> {
  const memo = ((req as MedusaRequest & Memo).__roleSyncCartOwner ??= new Map())
  if (!memo.has(cartId)) {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    memo.set(
      cartId,
      query
        .graph({ entity: "cart", fields: ["customer_id", "customer.email"], filters: { id: cartId } })
        .then(({ data: [cart] }) => ({
          customer_id: (cart?.customer_id as string | undefined) ?? null,
          email: (cart?.customer?.email as string | undefined) ?? null,
        }))
    )
  }
  return memo.get(cartId)!
}

/** 400 `quoted_cart_locked`: `change` is what the caller tried ("its lines can't change"). */
export const quotedCartLocked = (quote: QuoteRequestDTO, change: string) =>
  roleSyncError(
    RoleSyncErrorCodes.QUOTED_CART_LOCKED,
    `This cart holds the accepted quote ${quote.id}, fixed at the quoted quantities and prices: ${change}. Request a new quote to change it.`,
    { quote_id: quote.id }
  )

/**
 * 403 `quote_customer_only` unless the signed-in caller is `ownerId`, the
 * customer the quoted cart was made for: a quoted price is an offer to that
 * customer only.
 */
export function assertQuotedCartOwner(
  req: MedusaRequest,
  quote: QuoteRequestDTO,
  ownerId: string | null,
  action: string
) {
  const actor = (req as MedusaRequest & { auth_context?: { actor_id?: string; actor_type?: string } })
    .auth_context
  if (ownerId && actor?.actor_type === "customer" && actor.actor_id === ownerId) {
    return
  }
  throw roleSyncError(
    RoleSyncErrorCodes.QUOTE_CUSTOMER_ONLY,
    `This cart holds quote ${quote.id}, priced for another customer: only that customer, signed in, can ${action}.`,
    { quote_id: quote.id }
  )
}
