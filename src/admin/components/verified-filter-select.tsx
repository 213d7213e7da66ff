import { Select } from "@medusajs/ui"
import type { VerifiedFilter } from "../lib/types"

const OPTIONS: { value: VerifiedFilter; label: string }[] = [
  { value: "all", label: "All businesses" },
  { value: "verified", label: "Verified" },
  { value: "unverified", label: "Not verified" },
]

type VerifiedFilterSelectProps = {
  value: VerifiedFilter
  onChange: (value: VerifiedFilter) => void
}

/** All / verified / not verified, for the business customer list. */
export const VerifiedFilterSelect = ({ value, onChange }: VerifiedFilterSelectProps) => (
  <Select size="small" value={value} onValueChange={(next) => onChange(next as VerifiedFilter)}>
    <Select.Trigger className="w-[160px]" aria-label="Verification filter" data-testid="verified-filter">
      <Select.Value />
    </Select.Trigger>
    <Select.Content>
      {OPTIONS.map((option) => (
        <Select.Item key={option.value} value={option.value}>
          {option.label}
        </Select.Item>
      ))}
    </Select.Content>
  </Select>
)
