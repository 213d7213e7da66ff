import { Select } from "@medusajs/ui"
import { QUOTE_STATUSES, type QuoteStatus } from "../lib/types"
import { QUOTE_STATUS_LABELS } from "./quote-status-badge"

export type QuoteStatusFilter = QuoteStatus | "all"

type QuoteStatusFilterSelectProps = {
  value: QuoteStatusFilter
  onChange: (value: QuoteStatusFilter) => void
}

/** All statuses or one of requested / quoted / accepted / rejected / expired. */
export const QuoteStatusFilterSelect = ({ value, onChange }: QuoteStatusFilterSelectProps) => (
  <Select size="small" value={value} onValueChange={(next) => onChange(next as QuoteStatusFilter)}>
    <Select.Trigger className="w-[160px]" aria-label="Status filter" data-testid="quote-status-filter">
      <Select.Value />
    </Select.Trigger>
    <Select.Content>
      <Select.Item value="all">All statuses</Select.Item>
      {QUOTE_STATUSES.map((status) => (
        <Select.Item key={status} value={status}>
          {QUOTE_STATUS_LABELS[status]}
        </Select.Item>
      ))}
    </Select.Content>
  </Select>
)
