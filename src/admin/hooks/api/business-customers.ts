import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useQuery, type UseQueryOptions } from "@tanstack/react-query"
import type { AdminBusinessCustomerListResponse } from "../../../types"
import { createQueryKeys } from "../../lib/query-key-factory"
import { sdk } from "../../lib/sdk"

/** Query of `GET /admin/customers/business`. */
export type AdminBusinessCustomerListQuery = {
  /** Matches company name, tax ID or email. */
  q?: string
  verified?: "true" | "false"
  /** One tax ID status or several, comma-separated (`pending,invalid`). */
  tax_id_status?: string
  /** `true`: businesses VIES said are not registered while verified. */
  tax_id_flagged?: "true"
  limit: number
  offset: number
}

export const businessCustomerQueryKeys = createQueryKeys<"business-customers", AdminBusinessCustomerListQuery>(
  "business-customers"
)

/** One page of business customers; the previous page stays on screen while the next loads. */
export const useBusinessCustomers = (
  query: AdminBusinessCustomerListQuery,
  options?: Omit<
    UseQueryOptions<AdminBusinessCustomerListResponse, FetchError>,
    "queryKey" | "queryFn"
  >
) => {
  const { data, ...rest } = useQuery({
    queryKey: businessCustomerQueryKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<AdminBusinessCustomerListResponse>("/admin/customers/business", { query }),
    placeholderData: keepPreviousData,
    ...options,
  })
  return { ...data, ...rest }
}
