import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { createBulkOrderCartWorkflow } from "../../../../workflows/bulk-order"
import { sendInvalidLinesError } from "../../../utils/invalid-lines-response"
import { getPublishableKeySalesChannelId } from "../../../utils/publishable-key-sales-channel"
import { refetchStoreCart } from "../../../utils/refetch-store-cart"
import type { StoreCreateBulkOrderType } from "../validators"

/**
 * Builds a cart from up to 500 lines (variant id or SKU) in one call. All or
 * nothing: a 400 lists every bad line by index and no cart is created.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreCreateBulkOrderType>,
  res: MedusaResponse
) => {
  let cartId: string
  try {
    const { result } = await createBulkOrderCartWorkflow(req.scope).run({
      input: {
        customer_id: req.auth_context.actor_id,
        sales_channel_id: getPublishableKeySalesChannelId(req),
        region_id: req.validatedBody.region_id,
        items: req.validatedBody.items,
      },
    })
    cartId = result.cart_id
  } catch (e) {
    if (sendInvalidLinesError(e, res)) {
      return
    }
    throw e
  }
  res.status(201).json({ cart: await refetchStoreCart(req.scope, cartId) })
}
