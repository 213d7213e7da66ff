import { Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { AdminQuote } from "../../types"
import { customerDisplayName } from "../lib/format"
import { SectionRow } from "./section-row"
import { VerificationStatusBadge } from "./verification-status-badge"

/** Who asked: the customer (a link to the customer page) and, for a business, its company and verification. */
export const QuoteCustomerSection = ({ quote }: { quote: AdminQuote }) => {
  const customer = quote.customer
  const name = customer ? customerDisplayName(customer) : quote.customer_id

  return (
    <Container className="divide-y p-0" data-testid="quote-customer">
      <div className="px-6 py-4">
        <Heading level="h2">Customer</Heading>
      </div>
      <div className="flex flex-col gap-y-0.5 px-6 py-4">
        <Link
          to={`/customers/${quote.customer_id}`}
          className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus truncate"
        >
          {name}
        </Link>
        {customer?.email && customer.email !== name && (
          <Text size="small" leading="compact" className="text-ui-fg-subtle truncate">
            {customer.email}
          </Text>
        )}
      </div>
      {quote.company ? (
        <SectionRow
          title="Company"
          testId="quote-company"
          value={
            <>
              <Link
                to={`/companies/${quote.company.id}`}
                className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small"
              >
                {quote.company.name}
              </Link>
              <VerificationStatusBadge isVerified={quote.company.is_verified} />
            </>
          }
        />
      ) : customer?.customer_meta?.company_name && (
        <SectionRow
          title="Company"
          value={
            <>
              <Text size="small" leading="compact">
                {customer.customer_meta.company_name}
              </Text>
              <VerificationStatusBadge isVerified={!!customer.customer_meta.is_verified} />
            </>
          }
        />
      )}
    </Container>
  )
}
QuoteCustomerSection.displayName = "QuoteCustomerSection"
