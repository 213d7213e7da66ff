import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * The one sales channel the request's publishable key sells through. Carts,
 * quotes and bulk orders are bound to it, as in Medusa's own cart route; a
 * key bound to several channels is refused rather than guessed.
 */
export function getPublishableKeySalesChannelId(
  req: AuthenticatedMedusaRequest
): string {
  const ids = req.publishable_key_context?.sales_channel_ids ?? []
  if (ids.length === 1) {
    return ids[0]
  }
  throw new MedusaError(
    MedusaError.Types.INVALID_DATA,
    ids.length
      ? "The publishable API key is bound to several sales channels; use a key bound to exactly one."
      : "The publishable API key has no sales channel; link one to it in the admin."
  )
}
