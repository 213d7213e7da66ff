import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { quoteOrder } from "./quote-fields"

/**
 * One quote with the caller's `?fields=` (`req.queryConfig.fields`), read
 * back after a workflow as core's routes do. Query answers 404 when no quote
 * matches `filters`: a store route passes the caller's `customer_id` too, so
 * another customer's quote is a 404 and ids can't be probed.
 */
export async function refetchQuote(
  scope: MedusaContainer,
  filters: { id: string; customer_id?: string },
  fields: string[]
) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [quote],
  } = await query.graph(
    {
      entity: "quote_request",
      fields,
      filters,
      pagination: { order: quoteOrder(fields) },
    },
    { throwIfKeyNotFound: true }
  )
  return quote
}
