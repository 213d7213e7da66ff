import { LayoutComposer } from "@medusajs/dashboard/components"
import { Container, Heading, Skeleton } from "@medusajs/ui"
import { useNavigate, useParams } from "react-router-dom"
import type { AdminCompanyDetail } from "../../../../types"
import { CompanyBreadcrumb } from "../../../components/company-breadcrumb"
import { CompanyGeneralSection } from "../../../components/company-general-section"
import { CompanyMembersSection } from "../../../components/company-members-section"
import { CompanyQuotesSection } from "../../../components/company-quotes-section"
import { CompanyVerificationSection } from "../../../components/company-verification-section"
import { DetailRowsSkeleton } from "../../../components/detail-rows-skeleton"
import { EmptyState } from "../../../components/empty-state"
import { QueryErrorState } from "../../../components/query-error-state"
import { useCompany } from "../../../hooks/api/companies"
import { useCompanyVerificationToggle } from "../../../hooks/use-company-verification-toggle"
import { errorStatus } from "../../../lib/error-message"
import { COMPANY_DETAILS_ZONE } from "../../../lib/widget-zones"

/** One company: what Clerk says about it, its members and roles, its verification (extensible by zones). */
const CompanyDetailPage = () => {
  const { id = "" } = useParams()
  const navigate = useNavigate()
  const { company, isLoading, isError, error, refetch } = useCompany(id)
  const { toggle, pendingCompanyId } = useCompanyVerificationToggle()

  if (isLoading) {
    return (
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Skeleton className="h-6 w-40" />
        </div>
        <DetailRowsSkeleton rows={4} />
      </Container>
    )
  }

  if (isError || !company) {
    return (
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading>Company</Heading>
        </div>
        {errorStatus(error) === 404 ? (
          <EmptyState
            title="Company not found"
            message={`No company with the id ${id}. Its Clerk Organization may have been deleted.`}
            action={{ label: "Back to companies", onClick: () => navigate("/companies") }}
          />
        ) : (
          <QueryErrorState title="Could not load the company" error={error} onRetry={() => refetch()} />
        )}
      </Container>
    )
  }

  return (
    <div data-testid="company-detail-page">
      <LayoutComposer<"core:two-column", AdminCompanyDetail>
        widgetsZonePrefix={COMPANY_DETAILS_ZONE}
        preferredLayoutId="core:two-column"
        data={company}
        sections={{
          main: (
            <>
              <CompanyGeneralSection company={company} />
              <CompanyMembersSection company={company} />
              <CompanyQuotesSection company={company} />
            </>
          ),
          side: (
            <CompanyVerificationSection
              company={company}
              isPending={pendingCompanyId === company.id}
              onToggle={() => toggle(company)}
            />
          ),
        }}
      />
    </div>
  )
}

export const handle = {
  breadcrumb: ({ params }: { params: { id?: string } }) => <CompanyBreadcrumb id={params.id ?? ""} />,
}

export default CompanyDetailPage
