import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Buildings } from "@medusajs/icons"
import { Container, DataTable, Heading, Text, useDataTable } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import { EmptyState } from "../../components/empty-state"
import { QueryErrorState } from "../../components/query-error-state"
import { useBusinessCustomers } from "../../hooks/api/business-customers"
import { useBusinessCustomerColumns } from "../../hooks/table/use-business-customer-columns"
import {
  BUSINESS_CUSTOMER_URL_FILTERS,
  businessCustomerFilterQuery,
  useBusinessCustomerTableFilters,
} from "../../hooks/table/use-business-customer-table-filters"
import { useDataTableUrlState } from "../../hooks/table/use-data-table-url-state"
import { useVerificationToggle } from "../../hooks/use-verification-toggle"

const PAGE_SIZE = 20

/** Every customer that declared a business account, with search, a verification filter and verify / unverify. */
const BusinessCustomersPage = () => {
  const navigate = useNavigate()
  const state = useDataTableUrlState({ pageSize: PAGE_SIZE, filters: BUSINESS_CUSTOMER_URL_FILTERS })

  const { business_customers, count, isLoading, isError, error, refetch } = useBusinessCustomers({
    ...businessCustomerFilterQuery(state.filtering),
    ...(state.search.trim() ? { q: state.search.trim() } : {}),
    limit: state.limit,
    offset: state.offset,
  })

  const { toggle, pendingCustomerId } = useVerificationToggle()
  const columns = useBusinessCustomerColumns({ onToggleVerification: toggle, pendingCustomerId })
  const filters = useBusinessCustomerTableFilters()

  const table = useDataTable({
    columns,
    filters,
    data: business_customers ?? [],
    getRowId: (row) => row.id,
    rowCount: count ?? 0,
    isLoading,
    search: { state: state.search, onSearchChange: state.onSearchChange, debounce: 300 },
    filtering: { state: state.filtering, onFilteringChange: state.onFilteringChange },
    pagination: { state: state.pagination, onPaginationChange: state.onPaginationChange },
    onRowClick: (_event, row) => navigate(`/customers/${row.customer_id}`),
  })

  return (
    <Container className="divide-y p-0" data-testid="business-customers-page">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center">
          <div className="flex flex-col">
            <Heading>Business customers</Heading>
            <Text size="small" leading="compact" className="text-ui-fg-subtle">
              Companies that signed up through Clerk. Verified ones get the prices of the verified-business group.
            </Text>
          </div>
          <div className="flex items-center gap-x-2">
            <div data-testid="data-table-filter-menu">
              <DataTable.FilterMenu tooltip="Filter" />
            </div>
            <DataTable.Search placeholder="Search company, tax ID or email" />
          </div>
        </DataTable.Toolbar>
        {isError ? (
          <QueryErrorState
            title="Could not load business customers"
            error={error}
            onRetry={() => refetch()}
          />
        ) : (
          <>
            <DataTable.Table
              emptyState={{
                empty: {
                  custom: (
                    <EmptyState
                      title="No business customers yet"
                      message="Customers who declare a business account at Clerk sign-up appear here after their first sign-in."
                    />
                  ),
                },
                filtered: {
                  custom: (
                    <EmptyState
                      kind="filtered"
                      title="No matching business customers"
                      message="No business matches the search and filters. Change them or clear the filters."
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
  label: "Business customers",
  icon: Buildings,
  rank: 900,
})

export const handle = {
  breadcrumb: () => "Business customers",
}

export default BusinessCustomersPage
