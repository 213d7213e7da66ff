import { Container, Heading, Text } from "@medusajs/ui"
import type { AdminQuote } from "../../types"
import { QUOTE_STATUS_LABELS } from "./quote-status-badge"
import { QuoteItemsTable } from "./quote-items-table"

/** The quote's lines, read-only: the quote is accepted, rejected or expired. */
export const QuoteItemsSection = ({ quote }: { quote: AdminQuote }) => (
  <Container className="divide-y p-0" data-testid="quote-items-section">
    <div className="flex flex-col px-6 py-4">
      <Heading level="h2">Items</Heading>
      <Text size="small" leading="compact" className="text-ui-fg-subtle">
        {QUOTE_STATUS_LABELS[quote.status]}: this quote can no longer be changed.
      </Text>
    </div>
    <QuoteItemsTable items={quote.items ?? []} currencyCode={quote.currency_code} />
  </Container>
)
QuoteItemsSection.displayName = "QuoteItemsSection"
