import { createDataTableFilterHelper } from "@medusajs/ui"
import { useMemo } from "react"
import { QUOTE_STATUSES, type AdminQuote, type QuoteStatus } from "../../../types"
import { QUOTE_STATUS_LABELS } from "../../components/quote-status-badge"
import type { AdminQuoteListQuery } from "../api/quotes"
import type { UrlFilterKind } from "./use-data-table-url-state"

const filterHelper = createDataTableFilterHelper<AdminQuote>()

/** How each filter of the quote list is kept in the URL. */
export const QUOTE_URL_FILTERS: Record<string, UrlFilterKind> = {
  status: "multiple",
}

/** The filters of the quote list: one or more statuses. */
export const useQuoteTableFilters = () =>
  useMemo(
    () => [
      filterHelper.accessor("status", {
        type: "multiselect",
        label: "Status",
        options: QUOTE_STATUSES.map((status) => ({ label: QUOTE_STATUS_LABELS[status], value: status })),
      }),
    ],
    []
  )

/** The API query for the table's filters (unknown statuses in a hand-edited URL are dropped). */
export const quoteFilterQuery = (filtering: Record<string, unknown>): Pick<AdminQuoteListQuery, "status"> => {
  const status = (Array.isArray(filtering.status) ? filtering.status : []).filter(
    (value): value is QuoteStatus => (QUOTE_STATUSES as readonly string[]).includes(value)
  )
  return status.length ? { status } : {}
}
