import { useQuery } from "@tanstack/react-query"
import { roleSyncQueryKeys } from "./query-keys"
import { sdk } from "./sdk"
import type { Quote, QuoteResponse } from "./types"

/** GET /admin/quotes/:id */
export const useQuote = (quoteId: string) =>
  useQuery({
    queryKey: roleSyncQueryKeys.quote(quoteId),
    queryFn: async (): Promise<Quote> => {
      const { quote } = await sdk.client.fetch<QuoteResponse>(
        `/admin/quotes/${encodeURIComponent(quoteId)}`
      )
      return quote
    },
    enabled: !!quoteId,
  })
