import { Container, Copy, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { customerDisplayName, formatDateTime } from "../lib/format"
import type { Quote } from "../lib/types"
import { QuoteStatusBadge } from "./quote-status-badge"
import { SectionRow } from "./section-row"
import { VerificationStatusBadge } from "./verification-status-badge"

const isOfferOver = (quote: Quote) =>
  quote.status === "quoted" && !!quote.expires_at && new Date(quote.expires_at).getTime() <= Date.now()

/** Who asked, when, what they wrote; the offer's validity, our note and, once accepted, the cart. */
export const QuoteSummarySection = ({ quote }: { quote: Quote }) => {
  const customer = quote.customer

  return (
    <Container className="divide-y p-0" data-testid="quote-summary">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex min-w-0 flex-col">
          <Heading>Quote</Heading>
          <Text size="small" leading="compact" className="text-ui-fg-subtle font-mono truncate">
            {quote.id}
          </Text>
        </div>
        <QuoteStatusBadge status={quote.status} />
      </div>
      <SectionRow
        title="Customer"
        value={
          <div className="flex min-w-0 flex-col">
            <Link
              to={`/customers/${quote.customer_id}`}
              className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small truncate"
            >
              {customer ? customerDisplayName(customer) : quote.customer_id}
            </Link>
            {customer?.email && customerDisplayName(customer) !== customer.email && (
              <Text size="xsmall" leading="compact" className="text-ui-fg-subtle truncate">
                {customer.email}
              </Text>
            )}
          </div>
        }
      />
      {customer?.customer_meta?.company_name && (
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
      <SectionRow title="Requested" value={formatDateTime(quote.created_at)} />
      <SectionRow title="Currency" value={quote.currency_code.toUpperCase()} />
      <SectionRow title="Customer's message" value={quote.message || "-"} />
      {quote.expires_at && (
        <SectionRow
          title="Offer valid until"
          value={
            isOfferOver(quote)
              ? `${formatDateTime(quote.expires_at)} (over: the customer can no longer accept it)`
              : formatDateTime(quote.expires_at)
          }
          testId="quote-expires-at"
        />
      )}
      {quote.admin_note && <SectionRow title="Note to the customer" value={quote.admin_note} />}
      {quote.status === "rejected" && quote.rejected_by && (
        <SectionRow
          title="Rejected by"
          value={quote.rejected_by === "admin" ? "The store" : "The customer"}
        />
      )}
      {quote.status === "accepted" && (
        <SectionRow
          title="Cart"
          testId="quote-cart"
          value={
            quote.cart_id ? (
              <div className="flex items-center gap-x-1">
                <Text size="small" leading="compact" className="font-mono break-all">
                  {quote.cart_id}
                </Text>
                <Copy content={quote.cart_id} className="text-ui-fg-muted" />
              </div>
            ) : (
              "-"
            )
          }
        />
      )}
    </Container>
  )
}
