import { StatusBadge } from "@medusajs/ui"

/** Green "Verified" or orange "Not verified" (a business claim nobody checked yet). */
export const VerificationStatusBadge = ({ isVerified }: { isVerified: boolean }) => (
  <StatusBadge color={isVerified ? "green" : "orange"} data-testid="verification-status">
    {isVerified ? "Verified" : "Not verified"}
  </StatusBadge>
)
