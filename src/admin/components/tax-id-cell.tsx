import { Text, Tooltip } from "@medusajs/ui"
import type { AdminBusinessCustomer } from "../../types"
import { formatDate, formatDateTime, viesFaultText } from "../lib/format"
import { TaxIdStatusBadge } from "./tax-id-status-badge"

/** One line of evidence under the badge: when VIES answered and under which name, or why it has not yet. */
const evidenceLine = (row: AdminBusinessCustomer): string | null => {
  const check = row.tax_id_check
  if (!check) {
    return null
  }
  if (check.status === "pending") {
    return check.attempts === 0 ? "Asking VIES…" : `No answer: ${viesFaultText(check.fault_code)}`
  }
  const when = formatDate(check.checked_at)
  return check.status === "valid"
    ? `${check.registered_name ?? "Name not disclosed"} · ${when}`
    : `Not registered · ${when}`
}

/** The tax ID column of the business list: number, status and its evidence (full detail in a tooltip). */
export const TaxIdCell = ({ row }: { row: AdminBusinessCustomer }) => {
  if (!row.tax_id) {
    return <Text size="small" className="text-ui-fg-muted">-</Text>
  }
  const check = row.tax_id_check
  const line = evidenceLine(row)
  const content = (
    <div className="flex min-w-0 flex-col items-start gap-y-0.5 py-1" data-testid="tax-id-cell">
      <div className="flex items-center gap-x-2">
        <Text size="small" leading="compact" className="font-mono">
          {row.tax_id}
        </Text>
        {row.tax_id_status && <TaxIdStatusBadge status={row.tax_id_status} />}
      </div>
      {line && (
        <Text size="xsmall" leading="compact" className="text-ui-fg-subtle max-w-[260px] truncate">
          {line}
        </Text>
      )}
    </div>
  )
  if (!check || check.status === "pending") {
    return content
  }
  return (
    <Tooltip
      maxWidth={320}
      content={
        <div className="flex flex-col gap-y-1 text-left">
          <span>VIES: {check.status === "valid" ? "registered" : "not registered"}, {formatDateTime(check.checked_at)}</span>
          {check.registered_name && <span>{check.registered_name}</span>}
          {check.registered_address && <span className="whitespace-pre-line">{check.registered_address}</span>}
          {check.consultation_number && <span>Consultation number {check.consultation_number}</span>}
        </div>
      }
    >
      {content}
    </Tooltip>
  )
}
