import { Text } from "@medusajs/ui"
import type { AdminCustomerMeta } from "../../types"
import { AccountTypeBadge } from "./account-type-badge"
import { SectionRow } from "./section-row"
import { TaxIdCheckRows } from "./tax-id-check-rows"
import { VerificationStatusBadge } from "./verification-status-badge"
import { VerifiedByText } from "./verified-by-text"

/** The rows of a customer's synced role: type, company, tax ID with its check, verification (when and by whom). */
export const BusinessRoleDetails = ({ meta }: { meta: AdminCustomerMeta }) => {
  const isBusiness = meta.account_type === "business"

  return (
    <>
      <SectionRow title="Account type" value={<AccountTypeBadge accountType={meta.account_type} />} />
      {isBusiness ? (
        <>
          <SectionRow title="Company" value={meta.company_name ?? "-"} testId="business-role-company" />
          <TaxIdCheckRows meta={meta} />
          <SectionRow
            title="Verification"
            value={<VerificationStatusBadge isVerified={meta.is_verified} />}
          />
          {meta.is_verified && (
            <SectionRow
              title="Verified"
              value={<VerifiedByText verifiedAt={meta.verified_at} verifiedBy={meta.verified_by} />}
            />
          )}
        </>
      ) : (
        <SectionRow
          title="Verification"
          value={
            <Text size="small" leading="compact" className="text-ui-fg-subtle text-pretty" data-testid="individual-note">
              Individual account: only business accounts can be verified.
            </Text>
          }
        />
      )}
      <SectionRow
        title="Clerk user"
        value={
          <Text size="small" leading="compact" className="font-mono break-all">
            {meta.clerk_user_id}
          </Text>
        }
      />
    </>
  )
}
