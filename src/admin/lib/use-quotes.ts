import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { roleSyncQueryKeys } from "./query-keys"
import { sdk } from "./sdk"
import type { QuoteListParams, QuoteListResponse } from "./types"

/** GET /admin/quotes, one page, optionally one status or one customer. */
export const useQuotes = (params: QuoteListParams) =>
  useQuery({
    queryKey: roleSyncQueryKeys.quoteList(params),
    queryFn: () => {
      const query: Record<string, string | number> = {
        limit: params.limit,
        offset: params.offset,
      }
      if (params.status) {
        query.status = params.status
      }
      if (params.customer_id) {
        query.customer_id = params.customer_id
      }
      return sdk.client.fetch<QuoteListResponse>("/admin/quotes", { query })
    },
    placeholderData: keepPreviousData,
  })
