import { createDataTableColumnHelper, Text } from "@medusajs/ui"
import { useMemo } from "react"
import type { AdminQuote } from "../../../types"
import { QuoteStatusBadge } from "../../components/quote-status-badge"
import { customerDisplayName, formatDate, formatDateTime, formatNumber, quoteNumber, quoteTotal } from "../../lib/format"

const columnHelper = createDataTableColumnHelper<AdminQuote>()

const quantityOf = (quote: AdminQuote) =>
  (quote.items ?? []).reduce((sum, item) => sum + (Number(item.quantity) || 0), 0)

/** Columns of the quotes list; a row opens the quote. */
export const useQuoteColumns = () =>
  useMemo(
    () => [
      columnHelper.accessor("display_id", {
        header: "Quote",
        cell: ({ row }) => (
          <Text size="small" leading="compact" weight="plus" data-testid="quote-number">
            {quoteNumber(row.original)}
          </Text>
        ),
      }),
      columnHelper.accessor("customer", {
        header: "Customer",
        cell: ({ row }) => {
          const customer = row.original.customer
          const name = customer ? customerDisplayName(customer) : row.original.customer_id
          // A company's quote shows the company; a sole trader's, the declared company.
          const company = row.original.company?.name ?? customer?.customer_meta?.company_name
          const secondLine = company ? customer?.email ?? name : customer?.email !== name ? customer?.email : null
          return (
            <div className="flex min-w-0 flex-col">
              <Text size="small" leading="compact" className="truncate">
                {company || name}
              </Text>
              {secondLine && (
                <Text size="xsmall" leading="compact" className="text-ui-fg-subtle truncate">
                  {secondLine}
                </Text>
              )}
            </div>
          )
        },
      }),
      columnHelper.accessor("status", {
        header: "Status",
        cell: ({ getValue }) => <QuoteStatusBadge status={getValue()} />,
      }),
      columnHelper.display({
        id: "lines",
        header: "Lines",
        cell: ({ row }) => {
          const lines = row.original.items?.length ?? 0
          return `${lines} ${lines === 1 ? "line" : "lines"}, ${formatNumber(quantityOf(row.original))} units`
        },
      }),
      columnHelper.display({
        id: "total",
        header: "Total",
        cell: ({ row }) => {
          const total = quoteTotal(row.original)
          return (
            <Text
              size="small"
              leading="compact"
              className={total ? undefined : "text-ui-fg-muted"}
              data-testid="quote-total-cell"
            >
              {total ?? "Not priced yet"}
            </Text>
          )
        },
      }),
      columnHelper.accessor("expires_at", {
        header: "Offer valid until",
        cell: ({ getValue }) => formatDate(getValue()),
      }),
      columnHelper.accessor("created_at", {
        header: "Requested",
        cell: ({ getValue }) => formatDateTime(getValue()),
      }),
    ],
    []
  )
