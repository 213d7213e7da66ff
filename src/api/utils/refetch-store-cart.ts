import { refetchEntity } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { defaultStoreCartFields } from "@medusajs/medusa/api/store/carts/query-config"

/**
 * The cart as `GET /store/carts/:id` returns it by default (404 if it's
 * gone). Read back with Query because createCartWorkflow's result has no
 * items yet.
 */
export const refetchStoreCart = (scope: MedusaContainer, cartId: string) =>
  refetchEntity({
    entity: "cart",
    idOrFilter: cartId,
    scope,
    fields: defaultStoreCartFields,
    options: { throwIfKeyNotFound: true },
  })
