import { useQuote } from "../hooks/api/quotes"
import { quoteNumber } from "../lib/format"

/** The quote page's breadcrumb: "#12" once the quote is loaded (same cache as the page), nothing before. */
export const QuoteBreadcrumb = ({ id }: { id: string }) => {
  const { quote } = useQuote(id)
  return quote ? <span>{quoteNumber(quote)}</span> : null
}
