import { Badge } from "@medusajs/ui"
import type { AccountType } from "../../types"

/** "Business" / "Individual", as the customer declared it at Clerk sign-up. */
export const AccountTypeBadge = ({ accountType }: { accountType: AccountType }) => (
  <Badge size="2xsmall" color={accountType === "business" ? "blue" : "grey"}>
    {accountType === "business" ? "Business" : "Individual"}
  </Badge>
)
