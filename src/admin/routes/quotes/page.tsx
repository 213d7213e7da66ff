import { defineRouteConfig } from "@medusajs/admin-sdk"
import { DocumentText } from "@medusajs/icons"
import {
  Container,
  DataTable,
  Heading,
  Text,
  useDataTable,
  type DataTablePaginationState,
} from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { QueryErrorState } from "../../components/query-error-state"
import {
  QuoteStatusFilterSelect,
  type QuoteStatusFilter,
} from "../../components/quote-status-filter-select"
import { useQuoteColumns } from "../../lib/use-quote-columns"
import { useQuotes } from "../../lib/use-quotes"

const PAGE_SIZE = 20

/** Quote requests from business customers, newest first, filterable by status. */
const QuotesPage = () => {
  const navigate = useNavigate()
  const [status, setStatus] = useState<QuoteStatusFilter>("all")
  const [pagination, setPagination] = useState<DataTablePaginationState>({
    pageIndex: 0,
    pageSize: PAGE_SIZE,
  })

  const { data, isLoading, isError, error, refetch } = useQuotes({
    status: status === "all" ? undefined : status,
    limit: pagination.pageSize,
    offset: pagination.pageIndex * pagination.pageSize,
  })

  const columns = useQuoteColumns()
  const table = useDataTable({
    columns,
    data: data?.quotes ?? [],
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
    onRowClick: (_event, row) => navigate(`/quotes/${row.id}`),
  })

  const onStatusChange = (next: QuoteStatusFilter) => {
    setStatus(next)
    setPagination((current) => ({ ...current, pageIndex: 0 }))
  }

  return (
    <Container className="divide-y p-0" data-testid="quotes-page">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center">
          <div className="flex flex-col">
            <Heading>Quotes</Heading>
            <Text size="small" leading="compact" className="text-ui-fg-subtle">
              Price requests from business customers. Open one to send prices or reject it.
            </Text>
          </div>
          <QuoteStatusFilterSelect value={status} onChange={onStatusChange} />
        </DataTable.Toolbar>
        {isError ? (
          <QueryErrorState title="Could not load quotes" error={error} onRetry={() => refetch()} />
        ) : (
          <>
            <DataTable.Table
              emptyState={{
                empty: {
                  heading: status === "all" ? "No quote requests yet" : "No quotes with this status",
                  description:
                    status === "all"
                      ? "Business customers request quotes from the storefront; they appear here."
                      : "Choose another status to see other quotes.",
                },
              }}
            />
            <DataTable.Pagination />
          </>
        )}
      </DataTable>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Quotes",
  icon: DocumentText,
  rank: 910,
})

export const handle = {
  breadcrumb: () => "Quotes",
}

export default QuotesPage
