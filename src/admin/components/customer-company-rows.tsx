import { Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { AdminCustomerMeta } from "../../types"
import { useCompanies } from "../hooks/api/companies"
import { CompanyRoleBadge } from "./company-role-badge"
import { SectionRow } from "./section-row"
import { VerificationStatusBadge } from "./verification-status-badge"

/** A customer buying for a company: its active company is what prices and quotes follow. */
export const isCompanyMember = (meta: AdminCustomerMeta) => !!meta.active_company_id && !!meta.active_company_role

/**
 * The role card's company rows for a company member: the active company
 * (a link to its page) with the member's role and the company's
 * verification, which is what counts for this customer; other companies the
 * customer belongs to.
 */
export const CustomerCompanyRows = ({ meta }: { meta: AdminCustomerMeta }) => {
  const { companies } = useCompanies({ customer_id: meta.customer_id, limit: 20, offset: 0 })
  const others = (companies ?? []).filter((company) => company.id !== meta.active_company_id)

  return (
    <>
      <SectionRow
        title="Company"
        testId="customer-company"
        value={
          <>
            <Link
              to={`/companies/${meta.active_company_id}`}
              className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small"
              data-testid="customer-company-link"
            >
              {meta.active_company_name ?? "Company"}
            </Link>
            {meta.active_company_role && <CompanyRoleBadge role={meta.active_company_role} />}
          </>
        }
      />
      <SectionRow
        title="Verification"
        testId="customer-company-verification"
        value={
          <div className="flex flex-col items-start gap-y-1">
            <VerificationStatusBadge isVerified={!!meta.active_company_verified} />
            <Text size="xsmall" leading="compact" className="text-ui-fg-subtle text-pretty">
              Through its company: verify the company on its page.
            </Text>
          </div>
        }
      />
      {others.length > 0 && (
        <SectionRow
          title="Also a member of"
          value={
            <div className="flex flex-col">
              {others.map((company) => (
                <Link
                  key={company.id}
                  to={`/companies/${company.id}`}
                  className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small"
                >
                  {company.name}
                </Link>
              ))}
            </div>
          }
        />
      )}
    </>
  )
}
