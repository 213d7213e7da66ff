import { useMutation, useQueryClient } from "@tanstack/react-query"
import { roleSyncQueryKeys } from "./query-keys"
import { sdk } from "./sdk"
import type { Quote, QuoteResponse, RejectQuoteBody, RespondToQuoteBody } from "./types"

/** After a quote changes: show the answer at once, then refetch the quote and every quote list. */
const useRefreshQuote = () => {
  const queryClient = useQueryClient()
  return async (quote: Quote) => {
    queryClient.setQueryData(roleSyncQueryKeys.quote(quote.id), quote)
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: roleSyncQueryKeys.quote(quote.id) }),
      queryClient.invalidateQueries({ queryKey: roleSyncQueryKeys.quoteLists() }),
    ])
  }
}

/** POST /admin/quotes/:id/respond: price every line, set the expiry, optionally a note. */
export const useRespondToQuote = (quoteId: string) => {
  const refresh = useRefreshQuote()
  return useMutation({
    mutationFn: (body: RespondToQuoteBody) =>
      sdk.client.fetch<QuoteResponse>(`/admin/quotes/${encodeURIComponent(quoteId)}/respond`, {
        method: "POST",
        body,
      }),
    onSuccess: ({ quote }) => refresh(quote),
  })
}

/** POST /admin/quotes/:id/reject */
export const useRejectQuote = (quoteId: string) => {
  const refresh = useRefreshQuote()
  return useMutation({
    mutationFn: (body: RejectQuoteBody) =>
      sdk.client.fetch<QuoteResponse>(`/admin/quotes/${encodeURIComponent(quoteId)}/reject`, {
        method: "POST",
        body,
      }),
    onSuccess: ({ quote }) => refresh(quote),
  })
}
