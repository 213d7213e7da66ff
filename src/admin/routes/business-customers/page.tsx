import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Buildings } from "@medusajs/icons"
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
import { VerifiedFilterSelect } from "../../components/verified-filter-select"
import { useBusinessCustomerColumns } from "../../lib/use-business-customer-columns"
import { useBusinessCustomers } from "../../lib/use-business-customers"
import { useVerificationToggle } from "../../lib/use-verification-toggle"
import type { VerifiedFilter } from "../../lib/types"

const PAGE_SIZE = 20

const EMPTY_HEADINGS: Record<VerifiedFilter, string> = {
  all: "No business customers yet",
  verified: "No verified business customers",
  unverified: "No business customers waiting for verification",
}

/** Every customer that declared a business account, with search, a verification filter and verify / unverify. */
const BusinessCustomersPage = () => {
  const navigate = useNavigate()
  const [search, setSearch] = useState("")
  const [verified, setVerified] = useState<VerifiedFilter>("all")
  const [pagination, setPagination] = useState<DataTablePaginationState>({
    pageIndex: 0,
    pageSize: PAGE_SIZE,
  })

  const { data, isLoading, isError, error, refetch } = useBusinessCustomers({
    q: search.trim() || undefined,
    verified,
    limit: pagination.pageSize,
    offset: pagination.pageIndex * pagination.pageSize,
  })

  const { toggle, pendingCustomerId } = useVerificationToggle()
  const columns = useBusinessCustomerColumns({ onToggleVerification: toggle, pendingCustomerId })

  const table = useDataTable({
    columns,
    data: data?.business_customers ?? [],
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading,
    search: { state: search, onSearchChange: setSearch, debounce: 300 },
    pagination: { state: pagination, onPaginationChange: setPagination },
    onRowClick: (_event, row) => navigate(`/customers/${row.customer_id}`),
  })

  const onVerifiedChange = (next: VerifiedFilter) => {
    setVerified(next)
    setPagination((current) => ({ ...current, pageIndex: 0 }))
  }

  return (
    <Container className="divide-y p-0" data-testid="business-customers-page">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center">
          <div className="flex flex-col">
            <Heading>Business customers</Heading>
            <Text size="small" leading="compact" className="text-ui-fg-subtle">
              Companies that signed up through Clerk. Verify them to unlock business prices.
            </Text>
          </div>
          <div className="flex items-center gap-x-2">
            <VerifiedFilterSelect value={verified} onChange={onVerifiedChange} />
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
                  heading: EMPTY_HEADINGS[verified],
                  description:
                    verified === "all"
                      ? "Customers who declare a business account at Clerk sign-up appear here after their first sign-in."
                      : "Change the verification filter to see other business customers.",
                },
                filtered: {
                  heading: "No matching business customers",
                  description: "No company name, tax ID or email matches your search.",
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
