import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AdminBusinessCustomerListResponse } from "../../../../types"
import type { AdminListBusinessCustomersParamsType } from "../validators"
import { findBusinessCustomers } from "./find-business-customers"

/**
 * Business customers for the admin: filter by verification, search company,
 * tax ID or email (`q`), sort with `?order=`, choose fields with `?fields=`.
 * The page is found in one SQL statement, then read with Query.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminListBusinessCustomersParamsType>,
  res: MedusaResponse<AdminBusinessCustomerListResponse>
) => {
  const { verified, q } = req.validatedQuery as AdminListBusinessCustomersParamsType
  const { fields, pagination } = req.queryConfig
  const skip = pagination.skip ?? 0
  const take = pagination.take ?? 20

  const { ids, count } = await findBusinessCustomers(
    req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION),
    {
      verified: verified === undefined ? undefined : verified === "true",
      q,
      order: pagination.order,
      skip,
      take,
    }
  )

  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = ids.length
    ? await query.graph({ entity: "customer_meta", fields, filters: { id: ids } })
    : { data: [] }
  const byId = new Map(data.map((meta) => [meta.id as string, meta]))

  res.json({
    business_customers: ids.flatMap((id) => (byId.has(id) ? [byId.get(id)] : [])),
    count,
    offset: skip,
    limit: take,
  })
}
