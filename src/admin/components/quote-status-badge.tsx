import { StatusBadge } from "@medusajs/ui"
import type { QuoteStatus } from "../../types"

type StatusBadgeColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"

export const QUOTE_STATUS_LABELS: Record<QuoteStatus, string> = {
  requested: "Requested",
  quoted: "Quoted",
  accepted: "Accepted",
  rejected: "Rejected",
  expired: "Expired",
}

const COLORS: Record<QuoteStatus, StatusBadgeColor> = {
  requested: "blue",
  quoted: "orange",
  accepted: "green",
  rejected: "red",
  expired: "grey",
}

/** requested (waiting for us), quoted (waiting for the customer), then a final state. */
export const QuoteStatusBadge = ({ status }: { status: QuoteStatus }) => (
  <StatusBadge color={COLORS[status] ?? "grey"} data-testid="quote-status">
    {QUOTE_STATUS_LABELS[status] ?? status}
  </StatusBadge>
)
