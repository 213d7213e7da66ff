import { defineRouteConfig } from "@medusajs/admin-sdk"
import { DocumentText } from "@medusajs/icons"
import { Container, DataTable, Heading, Text, useDataTable } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import { EmptyState } from "../../components/empty-state"
import { QueryErrorState } from "../../components/query-error-state"
import { useQuotes } from "../../hooks/api/quotes"
import { useDataTableUrlState } from "../../hooks/table/use-data-table-url-state"
import { useQuoteColumns } from "../../hooks/table/use-quote-columns"
import { QUOTE_URL_FILTERS, quoteFilterQuery, useQuoteTableFilters } from "../../hooks/table/use-quote-table-filters"

const PAGE_SIZE = 20

/** Quote requests from business customers, newest first, filterable by status. */
const QuotesPage = () => {
  const navigate = useNavigate()
  const state = useDataTableUrlState({ pageSize: PAGE_SIZE, filters: QUOTE_URL_FILTERS })

  const { quotes, count, isLoading, isError, error, refetch } = useQuotes({
    ...quoteFilterQuery(state.filtering),
    limit: state.limit,
    offset: state.offset,
  })

  const columns = useQuoteColumns()
  const filters = useQuoteTableFilters()
  const table = useDataTable({
    columns,
    filters,
    data: quotes ?? [],
    getRowId: (row) => row.id,
    rowCount: count ?? 0,
    isLoading,
    filtering: { state: state.filtering, onFilteringChange: state.onFilteringChange },
    pagination: { state: state.pagination, onPaginationChange: state.onPaginationChange },
    onRowClick: (_event, row) => navigate(`/quotes/${row.id}`),
  })

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
          <div data-testid="data-table-filter-menu">
            <DataTable.FilterMenu tooltip="Filter" />
          </div>
        </DataTable.Toolbar>
        {isError ? (
          <QueryErrorState title="Could not load quotes" error={error} onRetry={() => refetch()} />
        ) : (
          <>
            <DataTable.Table
              emptyState={{
                empty: {
                  custom: (
                    <EmptyState
                      title="No quote requests yet"
                      message="Business customers request quotes from the storefront; they appear here."
                    />
                  ),
                },
                filtered: {
                  custom: (
                    <EmptyState
                      kind="filtered"
                      title="No quotes with these statuses"
                      message="Change the status filter or clear it to see other quotes."
                    />
                  ),
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
