import { Badge, Tooltip } from "@medusajs/ui"
import type { CompanyRole } from "../../types"

const LABELS: Record<CompanyRole, string> = { admin: "Admin", buyer: "Buyer", member: "Member" }

/** What each role may do in the store (DESIGN §10 rule 3). */
const MEANING: Record<CompanyRole, string> = {
  admin: "Requests, accepts and rejects quotes, places bulk orders, edits the company's tax data",
  buyer: "Requests quotes and places bulk orders",
  member: "Reads the company's quotes",
}

/** A member's role in a company (from Clerk's organization role), with what it allows in a tooltip. */
export const CompanyRoleBadge = ({ role }: { role: CompanyRole }) => (
  <Tooltip content={MEANING[role]}>
    <Badge size="2xsmall" color={role === "admin" ? "purple" : role === "buyer" ? "blue" : "grey"} data-testid="company-role">
      {LABELS[role] ?? role}
    </Badge>
  </Tooltip>
)
