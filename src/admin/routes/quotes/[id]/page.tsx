import { LayoutComposer } from "@medusajs/dashboard/components"
import { Container, Heading, Skeleton } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate, useParams } from "react-router-dom"
import type { AdminQuote, QuoteStatus } from "../../../../types"
import { QuoteBreadcrumb } from "../../../components/quote-breadcrumb"
import { DetailRowsSkeleton } from "../../../components/detail-rows-skeleton"
import { EmptyState } from "../../../components/empty-state"
import { QueryErrorState } from "../../../components/query-error-state"
import { QuoteCustomerSection } from "../../../components/quote-customer-section"
import { QuoteItemsSection } from "../../../components/quote-items-section"
import { QuoteNoticeAlert, type QuoteNotice } from "../../../components/quote-notice"
import { QuoteResponseForm } from "../../../components/quote-response-form"
import { QuoteSummarySection } from "../../../components/quote-summary-section"
import { useQuote } from "../../../hooks/api/quotes"
import { errorStatus } from "../../../lib/error-message"
import { QUOTE_DETAILS_ZONE } from "../../../lib/widget-zones"

const EDITABLE: QuoteStatus[] = ["requested", "quoted"]

/**
 * One quote, laid out like the dashboard's detail pages (and extensible the
 * same way): the request and a form to price or reject it while it is open,
 * the customer in the side column.
 */
const QuoteDetailPage = () => {
  const { id = "" } = useParams()
  const navigate = useNavigate()
  const { quote, isLoading, isError, error, refetch } = useQuote(id)
  const [notice, setNotice] = useState<QuoteNotice | null>(null)

  if (isLoading) {
    return <QuoteDetailSkeleton />
  }

  if (isError || !quote) {
    return (
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading>Quote</Heading>
        </div>
        {errorStatus(error) === 404 ? (
          <EmptyState
            title="Quote not found"
            message={`No quote with the id ${id}. It may have been deleted.`}
            action={{ label: "Back to quotes", onClick: () => navigate("/quotes") }}
          />
        ) : (
          <QueryErrorState title="Could not load the quote" error={error} onRetry={() => refetch()} />
        )}
      </Container>
    )
  }

  return (
    <div className="flex flex-col gap-y-3" data-testid="quote-detail-page">
      {notice && <QuoteNoticeAlert notice={notice} onDismiss={() => setNotice(null)} />}
      <LayoutComposer<"core:two-column", AdminQuote>
        widgetsZonePrefix={QUOTE_DETAILS_ZONE}
        preferredLayoutId="core:two-column"
        data={quote}
        sections={{
          main: (
            <>
              <QuoteSummarySection quote={quote} />
              {EDITABLE.includes(quote.status) ? (
                <QuoteResponseForm
                  key={`${quote.id}:${quote.status}:${quote.updated_at ?? ""}`}
                  quote={quote}
                  onDone={setNotice}
                />
              ) : (
                <QuoteItemsSection quote={quote} />
              )}
            </>
          ),
          side: <QuoteCustomerSection quote={quote} />,
        }}
      />
    </div>
  )
}

const QuoteDetailSkeleton = () => (
  <div className="flex flex-col gap-x-4 gap-y-3 xl:flex-row xl:items-start">
    <div className="flex w-full flex-col gap-y-3">
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
    <Container className="w-full p-0 xl:max-w-[440px]">
      <DetailRowsSkeleton rows={2} />
    </Container>
  </div>
)

export const handle = {
  breadcrumb: ({ params }: { params: { id?: string } }) => <QuoteBreadcrumb id={params.id ?? ""} />,
}

export default QuoteDetailPage
