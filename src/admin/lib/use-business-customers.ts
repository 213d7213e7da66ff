import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { roleSyncQueryKeys } from "./query-keys"
import { sdk } from "./sdk"
import type { BusinessCustomerListParams, BusinessCustomerListResponse } from "./types"

/** GET /admin/customers/business, one page; the previous page stays on screen while the next loads. */
export const useBusinessCustomers = (params: BusinessCustomerListParams) =>
  useQuery({
    queryKey: roleSyncQueryKeys.businessCustomerList(params),
    queryFn: () => {
      const query: Record<string, string | number> = {
        limit: params.limit,
        offset: params.offset,
      }
      if (params.q) {
        query.q = params.q
      }
      if (params.verified && params.verified !== "all") {
        query.verified = params.verified === "verified" ? "true" : "false"
      }
      return sdk.client.fetch<BusinessCustomerListResponse>("/admin/customers/business", { query })
    },
    placeholderData: keepPreviousData,
  })
