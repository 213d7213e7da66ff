import type { FetchError } from "@medusajs/js-sdk"
import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationOptions,
  type UseQueryOptions,
} from "@tanstack/react-query"
import type {
  AdminQuote,
  AdminQuoteListResponse,
  AdminQuoteResponse,
  QuoteStatus,
} from "../../../types"
import { createQueryKeys } from "../../lib/query-key-factory"
import { sdk } from "../../lib/sdk"

/** Query of `GET /admin/quotes`. */
export type AdminQuoteListQuery = {
  status?: QuoteStatus[]
  customer_id?: string
  /** The quotes of one company. */
  company_id?: string
  limit: number
  offset: number
}

/** Body of `POST /admin/quotes/:id/respond`: a unit price (major units) per line, an expiry in the future. */
export type AdminRespondToQuoteBody = {
  items: { id: string; unit_price: number }[]
  note?: string
  /** ISO date-time. */
  expires_at: string
}

/** Body of `POST /admin/quotes/:id/reject`. */
export type AdminRejectQuoteBody = { note?: string }

export const quoteQueryKeys = createQueryKeys<"quotes", AdminQuoteListQuery>("quotes")

/** One page of quotes, newest first, optionally some statuses or one customer. */
export const useQuotes = (
  query: AdminQuoteListQuery,
  options?: Omit<UseQueryOptions<AdminQuoteListResponse, FetchError>, "queryKey" | "queryFn">
) => {
  const { data, ...rest } = useQuery({
    queryKey: quoteQueryKeys.list(query),
    queryFn: () => sdk.client.fetch<AdminQuoteListResponse>("/admin/quotes", { query }),
    placeholderData: keepPreviousData,
    ...options,
  })
  return { ...data, ...rest }
}

/** `GET /admin/quotes/:id` */
export const useQuote = (
  id: string,
  options?: Omit<UseQueryOptions<AdminQuoteResponse, FetchError>, "queryKey" | "queryFn">
) => {
  const { data, ...rest } = useQuery({
    queryKey: quoteQueryKeys.detail(id),
    queryFn: () => sdk.client.fetch<AdminQuoteResponse>(`/admin/quotes/${encodeURIComponent(id)}`),
    enabled: !!id,
    ...options,
  })
  return { ...data, ...rest }
}

/** After a quote changes: show the answer at once, then refetch it and every quote list. */
const useRefreshQuote = () => {
  const queryClient = useQueryClient()
  return async (quote: AdminQuote) => {
    queryClient.setQueryData<AdminQuoteResponse>(quoteQueryKeys.detail(quote.id), { quote })
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: quoteQueryKeys.detail(quote.id) }),
      queryClient.invalidateQueries({ queryKey: quoteQueryKeys.lists() }),
    ])
  }
}

/** `POST /admin/quotes/:id/respond`: price every line, set the expiry, optionally a note. */
export const useRespondToQuote = (
  id: string,
  options?: UseMutationOptions<AdminQuoteResponse, FetchError, AdminRespondToQuoteBody>
) => {
  const refresh = useRefreshQuote()
  return useMutation({
    mutationFn: (body: AdminRespondToQuoteBody) =>
      sdk.client.fetch<AdminQuoteResponse>(`/admin/quotes/${encodeURIComponent(id)}/respond`, {
        method: "POST",
        body,
      }),
    ...options,
    onSuccess: async (data, variables, context) => {
      await refresh(data.quote)
      await options?.onSuccess?.(data, variables, context)
    },
  })
}

/** `POST /admin/quotes/:id/reject` */
export const useRejectQuote = (
  id: string,
  options?: UseMutationOptions<AdminQuoteResponse, FetchError, AdminRejectQuoteBody>
) => {
  const refresh = useRefreshQuote()
  return useMutation({
    mutationFn: (body: AdminRejectQuoteBody) =>
      sdk.client.fetch<AdminQuoteResponse>(`/admin/quotes/${encodeURIComponent(id)}/reject`, {
        method: "POST",
        body,
      }),
    ...options,
    onSuccess: async (data, variables, context) => {
      await refresh(data.quote)
      await options?.onSuccess?.(data, variables, context)
    },
  })
}
