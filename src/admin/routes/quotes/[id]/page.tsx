import { Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { Link, useParams } from "react-router-dom"
import { DetailRowsSkeleton } from "../../../components/detail-rows-skeleton"
import { QueryErrorState } from "../../../components/query-error-state"
import { QuoteItemsSection } from "../../../components/quote-items-section"
import { QuoteResponseForm } from "../../../components/quote-response-form"
import { QuoteSummarySection } from "../../../components/quote-summary-section"
import { errorStatus } from "../../../lib/error-message"
import type { QuoteStatus } from "../../../lib/types"
import { useQuote } from "../../../lib/use-quote"

const EDITABLE: QuoteStatus[] = ["requested", "quoted"]

/** One quote: the request, and a form to price or reject it while it is still open. */
const QuoteDetailPage = () => {
  const { id = "" } = useParams()
  const { data: quote, isLoading, isError, error, refetch } = useQuote(id)

  if (isLoading) {
    return (
      <div className="flex flex-col gap-y-3">
        <Container className="divide-y p-0">
          <div className="px-6 py-4">
            <Skeleton className="h-6 w-40" />
          </div>
          <DetailRowsSkeleton rows={4} />
        </Container>
        <Container className="p-0">
          <DetailRowsSkeleton rows={3} />
        </Container>
      </div>
    )
  }

  if (isError || !quote) {
    const notFound = errorStatus(error) === 404
    return (
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading>Quote</Heading>
        </div>
        {notFound ? (
          <div className="flex flex-col items-center gap-y-2 px-6 py-8 text-center">
            <Text size="small" weight="plus">
              Quote not found
            </Text>
            <Text size="small" className="text-ui-fg-subtle">
              No quote with the id {id}.{" "}
              <Link to="/quotes" className="text-ui-fg-interactive">
                Back to quotes
              </Link>
            </Text>
          </div>
        ) : (
          <QueryErrorState title="Could not load the quote" error={error} onRetry={() => refetch()} />
        )}
      </Container>
    )
  }

  return (
    <div className="flex flex-col gap-y-3" data-testid="quote-detail-page">
      <QuoteSummarySection quote={quote} />
      {EDITABLE.includes(quote.status) ? (
        <QuoteResponseForm key={`${quote.id}:${quote.status}:${quote.updated_at ?? ""}`} quote={quote} />
      ) : (
        <QuoteItemsSection quote={quote} />
      )}
    </div>
  )
}

export const handle = {
  breadcrumb: ({ params }: { params: { id?: string } }) => params.id ?? "Quote",
}

export default QuoteDetailPage
