import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { formatQuote, QUOTE_FIELDS } from "../../utils/format-quote"

/** The caller's own quote; any other id is a 404 so ids can't be probed. */
export async function fetchCustomerQuote(
  scope: MedusaContainer,
  id: string,
  customerId: string
) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [quote],
  } = await query.graph({
    entity: "quote_request",
    fields: QUOTE_FIELDS,
    filters: { id, customer_id: customerId },
  })
  if (!quote) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Quote ${id} was not found.`)
  }
  return formatQuote(quote)
}
