import { createDataTableColumnHelper, Text } from "@medusajs/ui"
import { useMemo } from "react"
import { Link } from "react-router-dom"
import type { AdminBusinessCustomer } from "../../../types"
import { VerificationStatusBadge } from "../../components/verification-status-badge"
import { VerifyToggleButton } from "../../components/verify-toggle-button"
import { customerDisplayName, formatDateTime } from "../../lib/format"

const columnHelper = createDataTableColumnHelper<AdminBusinessCustomer>()

type Options = {
  onToggleVerification: (row: AdminBusinessCustomer) => void
  pendingCustomerId?: string
}

/** Columns of the "Business customers" table, with a verify / unverify action per row. */
export const useBusinessCustomerColumns = ({ onToggleVerification, pendingCustomerId }: Options) =>
  useMemo(
    () => [
      columnHelper.accessor("company_name", {
        header: "Company",
        cell: ({ getValue }) => (
          <Text size="small" leading="compact" weight="plus" className="truncate">
            {getValue() ?? "-"}
          </Text>
        ),
      }),
      columnHelper.accessor("customer", {
        header: "Customer",
        cell: ({ row }) => {
          const customer = row.original.customer
          if (!customer) {
            return <Text size="small" className="text-ui-fg-muted">{row.original.customer_id}</Text>
          }
          const name = customerDisplayName(customer)
          return (
            <div className="flex min-w-0 flex-col">
              <Link
                to={`/customers/${customer.id}`}
                onClick={(event) => event.stopPropagation()}
                className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small truncate"
                data-testid="business-customer-link"
              >
                {name}
              </Link>
              {customer.email && name !== customer.email && (
                <Text size="xsmall" leading="compact" className="text-ui-fg-subtle truncate">
                  {customer.email}
                </Text>
              )}
            </div>
          )
        },
      }),
      columnHelper.accessor("tax_id", {
        header: "Tax ID",
        cell: ({ getValue }) => getValue() ?? "-",
      }),
      columnHelper.accessor("is_verified", {
        header: "Verification",
        cell: ({ getValue }) => <VerificationStatusBadge isVerified={getValue()} />,
      }),
      columnHelper.accessor("verified_at", {
        header: "Verified at",
        cell: ({ getValue }) => formatDateTime(getValue()),
      }),
      columnHelper.display({
        id: "verification-action",
        header: "",
        cell: ({ row }) => (
          // Padding: the cell clips overflow, and the button's border is a shadow outside its box.
          <div className="flex justify-end p-0.5">
            <VerifyToggleButton
              isVerified={row.original.is_verified}
              isLoading={pendingCustomerId === row.original.customer_id}
              disabled={!!pendingCustomerId && pendingCustomerId !== row.original.customer_id}
              onClick={() => onToggleVerification(row.original)}
            />
          </div>
        ),
      }),
    ],
    [onToggleVerification, pendingCustomerId]
  )
