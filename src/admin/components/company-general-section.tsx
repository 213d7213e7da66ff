import { Container, Copy, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { AdminCompanyDetail } from "../../types"
import { formatDateTime } from "../lib/format"
import { SectionRow } from "./section-row"

/** The company as Clerk and its admins describe it: organization, tax data, its customer group. */
export const CompanyGeneralSection = ({ company }: { company: AdminCompanyDetail }) => (
  <Container className="divide-y p-0" data-testid="company-general">
    <div className="flex flex-col px-6 py-4">
      <Heading>{company.name}</Heading>
      <Text size="small" leading="compact" className="text-ui-fg-subtle">
        A Clerk Organization; its members buy for it with their role.
      </Text>
    </div>
    <SectionRow
      title="Clerk organization"
      value={
        <div className="flex items-center gap-x-1">
          <Text size="small" leading="compact" className="font-mono break-all">
            {company.clerk_organization_id}
          </Text>
          <Copy content={company.clerk_organization_id} className="text-ui-fg-muted" />
        </div>
      }
    />
    <SectionRow
      title="Tax ID"
      testId="company-tax-id"
      value={
        company.tax_id ? (
          <Text size="small" leading="compact" className="font-mono">
            {company.tax_id}
            {company.tax_id_country ? ` (${company.tax_id_country})` : ""}
          </Text>
        ) : (
          "Not given yet (company admins set it in the storefront)"
        )
      }
    />
    <SectionRow title="Country" value={company.country_code ?? "-"} />
    <SectionRow
      title="Customer group"
      value={
        company.customer_group_id ? (
          <Link
            to={`/customer-groups/${company.customer_group_id}`}
            className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small"
          >
            The company's own group (for company price lists)
          </Link>
        ) : (
          "-"
        )
      }
    />
    <SectionRow title="Created" value={formatDateTime(company.created_at)} />
  </Container>
)
CompanyGeneralSection.displayName = "CompanyGeneralSection"
