import { defaultStoreCartFields } from "@medusajs/medusa/api/store/carts/query-config"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"

/**
 * The cart as `GET /store/carts/:id` returns it. Read back with Query because
 * createCartWorkflow's result has no items yet.
 */
export async function refetchStoreCart(scope: MedusaContainer, cartId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [cart],
  } = await query.graph({
    entity: "cart",
    fields: defaultStoreCartFields,
    filters: { id: cartId },
  })
  if (!cart) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${cartId} was not found.`)
  }
  return cart
}
