import { createDataTableColumnHelper, Text } from "@medusajs/ui"
import { useMemo } from "react"
import { Link } from "react-router-dom"
import type { AdminBusinessCustomer } from "../../../types"
import { BusinessRowActions } from "../../components/business-row-actions"
import { TaxIdCell } from "../../components/tax-id-cell"
import { VerificationStatusBadge } from "../../components/verification-status-badge"
import { VerifyToggleButton } from "../../components/verify-toggle-button"
import { customerDisplayName, formatDate } from "../../lib/format"

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
        cell: ({ row }) => <TaxIdCell row={row.original} />,
      }),
      columnHelper.accessor("is_verified", {
        header: "Verification",
        cell: ({ row }) => (
          <div className="flex flex-col items-start gap-y-0.5 py-1">
            <VerificationStatusBadge isVerified={row.original.is_verified} />
            {row.original.is_verified && row.original.verified_at && (
              <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
                since {formatDate(row.original.verified_at)}
                {row.original.verified_by === "vies" ? " (VIES)" : ""}
              </Text>
            )}
          </div>
        ),
      }),
      columnHelper.display({
        id: "verification-action",
        header: "",
        cell: ({ row }) => (
          // Padding: the cell clips overflow, and the button's border is a shadow outside its box.
          <div className="flex items-center justify-end gap-x-1 p-0.5">
            <VerifyToggleButton
              isVerified={row.original.is_verified}
              isLoading={pendingCustomerId === row.original.customer_id}
              disabled={!!pendingCustomerId && pendingCustomerId !== row.original.customer_id}
              onClick={() => onToggleVerification(row.original)}
            />
            <BusinessRowActions row={row.original} />
          </div>
        ),
      }),
    ],
    [onToggleVerification, pendingCustomerId]
  )
