import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Users } from "@medusajs/icons"
import { Container, DataTable, Heading, Text, useDataTable } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import { EmptyState } from "../../components/empty-state"
import { QueryErrorState } from "../../components/query-error-state"
import { useCompanies } from "../../hooks/api/companies"
import { useCompanyColumns } from "../../hooks/table/use-company-columns"
import { COMPANY_URL_FILTERS, companyFilterQuery, useCompanyTableFilters } from "../../hooks/table/use-company-table-filters"
import { useDataTableUrlState } from "../../hooks/table/use-data-table-url-state"
import { useCompanyVerificationToggle } from "../../hooks/use-company-verification-toggle"

const PAGE_SIZE = 20

/** Companies (Clerk Organizations) whose members buy together: search, a verification filter, verify per row. */
const CompaniesPage = () => {
  const navigate = useNavigate()
  const state = useDataTableUrlState({ pageSize: PAGE_SIZE, filters: COMPANY_URL_FILTERS })

  const { companies, count, isLoading, isError, error, refetch } = useCompanies({
    ...companyFilterQuery(state.filtering),
    ...(state.search.trim() ? { q: state.search.trim() } : {}),
    limit: state.limit,
    offset: state.offset,
  })

  const { toggle, pendingCompanyId } = useCompanyVerificationToggle()
  const columns = useCompanyColumns({ onToggleVerification: toggle, pendingCompanyId })
  const filters = useCompanyTableFilters()

  const table = useDataTable({
    columns,
    filters,
    data: companies ?? [],
    getRowId: (row) => row.id,
    rowCount: count ?? 0,
    isLoading,
    search: { state: state.search, onSearchChange: state.onSearchChange, debounce: 300 },
    filtering: { state: state.filtering, onFilteringChange: state.onFilteringChange },
    pagination: { state: state.pagination, onPaginationChange: state.onPaginationChange },
    onRowClick: (_event, row) => navigate(`/companies/${row.id}`),
  })

  return (
    <Container className="divide-y p-0" data-testid="companies-page">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center">
          <div className="flex flex-col">
            <Heading>Companies</Heading>
            <Text size="small" leading="compact" className="text-ui-fg-subtle">
              Clerk Organizations whose members buy together. Verifying a company gives every member its prices.
            </Text>
          </div>
          <div className="flex items-center gap-x-2">
            <div data-testid="data-table-filter-menu">
              <DataTable.FilterMenu tooltip="Filter" />
            </div>
            <DataTable.Search placeholder="Search name, tax ID or organization" />
          </div>
        </DataTable.Toolbar>
        {isError ? (
          <QueryErrorState title="Could not load companies" error={error} onRetry={() => refetch()} />
        ) : (
          <>
            <DataTable.Table
              emptyState={{
                empty: {
                  custom: (
                    <EmptyState
                      title="No companies yet"
                      message="A company appears here when a member of a Clerk Organization signs in to the store."
                    />
                  ),
                },
                filtered: {
                  custom: (
                    <EmptyState
                      kind="filtered"
                      title="No matching companies"
                      message="No company matches the search and filters. Change them or clear the filters."
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
  label: "Companies",
  icon: Users,
  rank: 905,
})

export const handle = {
  breadcrumb: () => "Companies",
}

export default CompaniesPage
