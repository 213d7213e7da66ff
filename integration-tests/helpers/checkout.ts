import {
  updateInventoryItemsWorkflow,
  updateRegionsWorkflow,
} from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { HttpResult } from "./medusa"
import type { SeededCatalog } from "./catalog"

/**
 * Makes the seeded catalog checkout-ready with Medusa's own workflows: the
 * region accepts Medusa's built-in system payment provider
 * (`pp_system_default`, which authorizes at once), and the stocked items
 * ship nothing (digital-like), so a cart completes without a shipping
 * method. Call before creating carts: a line copies `requires_shipping`
 * when it is added.
 */
export async function makeCatalogCheckoutReady(container: MedusaContainer, catalog: SeededCatalog) {
  await updateRegionsWorkflow(container).run({
    input: {
      selector: { id: catalog.regionId },
      update: { payment_providers: ["pp_system_default"] },
    },
  })
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "inventory_item",
    fields: ["id"],
  })
  await updateInventoryItemsWorkflow(container).run({
    input: { updates: data.map((item: any) => ({ id: item.id, requires_shipping: false })) },
  })
}

type Http = (
  method: "GET" | "POST" | "DELETE",
  url: string,
  options?: { body?: unknown; token?: string; pk?: string }
) => Promise<HttpResult>

/**
 * Medusa's store checkout over HTTP: a payment collection for the cart, a
 * session with the system provider, then completion. Returns each answer,
 * so tests can assert where a guard stopped it.
 */
export async function checkout(http: Http, pk: string, cartId: string, token?: string) {
  const collection = await http("POST", "/store/payment-collections", {
    token,
    pk,
    body: { cart_id: cartId },
  })
  const collectionId = collection.data?.payment_collection?.id
  const session = collectionId
    ? await http("POST", `/store/payment-collections/${collectionId}/payment-sessions`, {
        token,
        pk,
        body: { provider_id: "pp_system_default" },
      })
    : undefined
  const complete = await http("POST", `/store/carts/${cartId}/complete`, { token, pk })
  return { collection, session, complete }
}
