import { Container, Heading, Text } from "@medusajs/ui"
import type { AdminCompanyDetail } from "../../types"
import { SectionRow } from "./section-row"
import { VerificationStatusBadge } from "./verification-status-badge"
import { VerifiedByText } from "./verified-by-text"
import { VerifyToggleButton } from "./verify-toggle-button"

type Props = {
  company: AdminCompanyDetail
  onToggle: () => void
  isPending: boolean
}

/** Whether the store trusts the company, since when and by whom, and Verify / Unverify. */
export const CompanyVerificationSection = ({ company, onToggle, isPending }: Props) => (
  <Container className="divide-y p-0" data-testid="company-verification">
    <div className="flex items-center justify-between gap-x-4 px-6 py-4">
      <div className="flex flex-col">
        <Heading level="h2">Verification</Heading>
        <Text size="small" leading="compact" className="text-ui-fg-subtle text-pretty">
          Verified companies give every member business and company prices.
        </Text>
      </div>
      <VerifyToggleButton isVerified={company.is_verified} isLoading={isPending} onClick={onToggle} />
    </div>
    <SectionRow title="Status" value={<VerificationStatusBadge isVerified={company.is_verified} />} />
    {company.is_verified && (
      <SectionRow
        title="Verified"
        value={<VerifiedByText verifiedAt={company.verified_at} verifiedBy={company.verified_by} />}
      />
    )}
  </Container>
)
CompanyVerificationSection.displayName = "CompanyVerificationSection"
