import { Button } from "@medusajs/ui"

type VerifyToggleButtonProps = {
  isVerified: boolean
  isLoading?: boolean
  disabled?: boolean
  onClick: () => void
}

/** "Verify" for an unverified business, "Unverify" for a verified one. */
export const VerifyToggleButton = ({ isVerified, isLoading, disabled, onClick }: VerifyToggleButtonProps) => (
  <Button
    size="small"
    variant="secondary"
    isLoading={isLoading}
    disabled={disabled}
    onClick={(event) => {
      // Inside a clickable table row: don't also open the row.
      event.stopPropagation()
      onClick()
    }}
    data-testid={isVerified ? "unverify-button" : "verify-button"}
  >
    {isVerified ? "Unverify" : "Verify"}
  </Button>
)
