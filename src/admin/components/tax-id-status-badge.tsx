import { StatusBadge } from "@medusajs/ui"
import type { TaxIdStatus } from "../../types"

type StatusBadgeColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"

/** Short labels; what each status means is in the README ("tax_id_status"). */
export const TAX_ID_STATUS_LABELS: Record<TaxIdStatus, string> = {
  valid: "Registered (VIES)",
  invalid: "Not registered (VIES)",
  pending: "VIES check pending",
  format_valid: "Format valid",
  format_invalid: "Invalid format",
  unchecked: "Not checked",
}

/** The same, inside a sentence ("tax ID DE… (registered per VIES)"). */
export const TAX_ID_STATUS_PHRASES: Record<TaxIdStatus, string> = {
  valid: "registered per VIES",
  invalid: "not registered per VIES",
  pending: "VIES check pending",
  format_valid: "format valid, not checked with VIES",
  format_invalid: "invalid format",
  unchecked: "not checked",
}

const COLORS: Record<TaxIdStatus, StatusBadgeColor> = {
  valid: "green",
  invalid: "red",
  pending: "orange",
  format_valid: "blue",
  format_invalid: "red",
  unchecked: "grey",
}

/** Where a tax ID stands: registered or not per VIES, a check pending, or only its format known. */
export const TaxIdStatusBadge = ({ status }: { status: TaxIdStatus }) => (
  <StatusBadge color={COLORS[status] ?? "grey"} data-testid="tax-id-status" className="whitespace-nowrap">
    {TAX_ID_STATUS_LABELS[status] ?? status}
  </StatusBadge>
)
