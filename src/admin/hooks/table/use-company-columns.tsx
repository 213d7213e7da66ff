import { createDataTableColumnHelper, Text } from "@medusajs/ui"
import { useMemo } from "react"
import type { AdminCompany, TaxIdStatus } from "../../../types"
import { TaxIdStatusBadge } from "../../components/tax-id-status-badge"
import { VerificationStatusBadge } from "../../components/verification-status-badge"
import { VerifyToggleButton } from "../../components/verify-toggle-button"
import { formatDate, formatNumber } from "../../lib/format"

/** A company row; `tax_id_status` once the company module records tax ID checks. */
type CompanyRow = AdminCompany & { tax_id_status?: TaxIdStatus | null }

const columnHelper = createDataTableColumnHelper<CompanyRow>()

type Options = {
  onToggleVerification: (row: AdminCompany) => void
  pendingCompanyId?: string
}

/** Columns of the Companies table, with verify / unverify per row; a row opens the company. */
export const useCompanyColumns = ({ onToggleVerification, pendingCompanyId }: Options) =>
  useMemo(
    () => [
      columnHelper.accessor("name", {
        header: "Company",
        cell: ({ row }) => (
          <div className="flex min-w-0 flex-col py-1">
            <Text size="small" leading="compact" weight="plus" className="truncate" data-testid="company-name">
              {row.original.name}
            </Text>
            <Text size="xsmall" leading="compact" className="text-ui-fg-subtle font-mono truncate">
              {row.original.clerk_organization_id}
            </Text>
          </div>
        ),
      }),
      columnHelper.accessor("tax_id", {
        header: "Tax ID",
        cell: ({ row }) => {
          const { tax_id, country_code } = row.original
          const status = row.original.tax_id_status
          if (!tax_id) {
            return <Text size="small" className="text-ui-fg-muted">-</Text>
          }
          return (
            <div className="flex items-center gap-x-2">
              <Text size="small" leading="compact" className="font-mono">
                {tax_id}
              </Text>
              {status ? (
                <TaxIdStatusBadge status={status} />
              ) : (
                country_code && (
                  <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
                    {country_code}
                  </Text>
                )
              )}
            </div>
          )
        },
      }),
      columnHelper.accessor("member_count", {
        header: "Members",
        cell: ({ getValue }) => formatNumber(getValue()),
      }),
      columnHelper.accessor("is_verified", {
        header: "Verification",
        cell: ({ row }) => (
          <div className="flex flex-col items-start gap-y-0.5 py-1">
            <VerificationStatusBadge isVerified={row.original.is_verified} />
            {row.original.is_verified && row.original.verified_at && (
              <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
                since {formatDate(row.original.verified_at)}
              </Text>
            )}
          </div>
        ),
      }),
      columnHelper.display({
        id: "verification-action",
        header: "",
        cell: ({ row }) => (
          <div className="flex justify-end p-0.5">
            <VerifyToggleButton
              isVerified={row.original.is_verified}
              isLoading={pendingCompanyId === row.original.id}
              disabled={!!pendingCompanyId && pendingCompanyId !== row.original.id}
              onClick={() => onToggleVerification(row.original)}
            />
          </div>
        ),
      }),
    ],
    [onToggleVerification, pendingCompanyId]
  )
