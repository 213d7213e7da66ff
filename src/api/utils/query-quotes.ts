import type { MedusaRequest } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { quoteOrder } from "./quote-fields"

type QuoteQueryConfig = {
  fields: string[]
  pagination: { skip?: number; take?: number; order?: Record<string, unknown> }
}

/**
 * One page of quotes with the caller's `?fields=`, `?order=`, `?limit=` and
 * `?offset=` (`req.queryConfig`), as core's list routes answer:
 * `{ quotes, count, offset, limit }`. Store routes put the caller's
 * `customer_id` into `filters` last, so no filter of theirs can widen it.
 */
export async function listQuotes(
  scope: MedusaContainer,
  { fields, pagination }: QuoteQueryConfig,
  filters: Record<string, unknown>
) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: quotes, metadata } = await query.graph({
    entity: "quote_request",
    fields,
    filters,
    pagination: { ...pagination, order: quoteOrder(fields, pagination.order) },
  })
  return {
    quotes,
    count: metadata!.count,
    offset: metadata!.skip,
    limit: metadata!.take,
  }
}

/**
 * One quote with the caller's `?fields=` (or `fields`), read back after a
 * workflow as core's routes do. Query answers 404 when no quote matches
 * `filters`: a store route passes the caller's scope too (`customer_id`,
 * or `company_id` for a company member), so a quote outside it is a 404 and
 * ids can't be probed.
 */
export async function refetchQuote(
  req: MedusaRequest,
  filters: { id: string; customer_id?: string; company_id?: string | null },
  fields: string[] = req.queryConfig.fields
) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
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
