import { Text } from "@medusajs/ui"
import type { AdminCustomerMeta } from "../../types"
import { AccountTypeBadge } from "./account-type-badge"
import { CustomerCompanyRows, isCompanyMember } from "./customer-company-rows"
import { SectionRow } from "./section-row"
import { TaxIdCheckRows } from "./tax-id-check-rows"
import { VerificationStatusBadge } from "./verification-status-badge"
import { VerifiedByText } from "./verified-by-text"

/** The rows of a customer's synced role: type, company, tax ID with its check, verification (when and by whom). */
export const BusinessRoleDetails = ({ meta }: { meta: AdminCustomerMeta }) => {
  const isBusiness = meta.account_type === "business"

  return (
    <>
      <SectionRow
        title="Account type"
        testId="business-role-account-type"
        value={
          isCompanyMember(meta) ? (
            <div className="flex flex-col items-start gap-y-1">
              <AccountTypeBadge accountType="business" />
              {meta.account_type !== "business" && (
                <Text size="xsmall" leading="compact" className="text-ui-fg-subtle text-pretty">
                  As a member of its company (declared {meta.account_type} at sign-up).
                </Text>
              )}
            </div>
          ) : (
            <AccountTypeBadge accountType={meta.account_type} />
          )
        }
      />
      {isCompanyMember(meta) ? (
        <>
          <CustomerCompanyRows meta={meta} />
          {meta.company_name && meta.company_name !== meta.active_company_name && (
            <SectionRow title="Declared company" value={meta.company_name} testId="business-role-company" />
          )}
          <TaxIdCheckRows meta={meta} />
        </>
      ) : isBusiness ? (
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
