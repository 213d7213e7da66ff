import { Container, Heading, Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { AdminCompanyDetail } from "../../types"
import { useQuotes } from "../hooks/api/quotes"
import { customerDisplayName, formatDate, quoteNumber, quoteTotal } from "../lib/format"
import { DetailRowsSkeleton } from "./detail-rows-skeleton"
import { EmptyState } from "./empty-state"
import { QuoteStatusBadge } from "./quote-status-badge"

const LIMIT = 10

/** The company's latest quotes (every member sees them in the storefront), each a link to the quote. */
export const CompanyQuotesSection = ({ company }: { company: AdminCompanyDetail }) => {
  const { quotes, count, isLoading } = useQuotes({ company_id: company.id, limit: LIMIT, offset: 0 })

  return (
    <Container className="divide-y p-0" data-testid="company-quotes">
      <div className="flex items-center justify-between px-6 py-4">
        <div className="flex flex-col">
          <Heading level="h2">Quotes</Heading>
          <Text size="small" leading="compact" className="text-ui-fg-subtle">
            {count && count > LIMIT ? `The latest ${LIMIT} of ${count}.` : "Requested by its members."}
          </Text>
        </div>
      </div>
      {isLoading ? (
        <DetailRowsSkeleton rows={2} />
      ) : !quotes?.length ? (
        <EmptyState title="No quotes yet" message="Quotes its admins and buyers request appear here." />
      ) : (
        <Table>
          <Table.Body>
            {quotes.map((quote) => (
              <Table.Row key={quote.id}>
                <Table.Cell>
                  <Link
                    to={`/quotes/${quote.id}`}
                    className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus"
                  >
                    {quoteNumber(quote)}
                  </Link>
                </Table.Cell>
                <Table.Cell>{quote.customer ? customerDisplayName(quote.customer) : quote.customer_id}</Table.Cell>
                <Table.Cell>
                  <QuoteStatusBadge status={quote.status} />
                </Table.Cell>
                <Table.Cell className="text-right">{quoteTotal(quote) ?? "Not priced yet"}</Table.Cell>
                <Table.Cell className="text-right">{formatDate(quote.created_at)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}
CompanyQuotesSection.displayName = "CompanyQuotesSection"
