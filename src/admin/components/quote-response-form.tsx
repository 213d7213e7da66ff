import { Alert, Button, Container, DatePicker, Heading, Hint, Label, Text, Textarea, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { errorMessage } from "../lib/error-message"
import {
  initialQuoteResponseDraft,
  today,
  validateQuoteResponseDraft,
  type QuoteResponseDraft,
  type QuoteResponseErrors,
} from "../lib/quote-response-draft"
import type { AdminQuote } from "../../types"
import { useRejectQuote, useRespondToQuote } from "../hooks/api/quotes"
import type { QuoteNotice } from "./quote-notice"
import { QuoteItemsTable } from "./quote-items-table"

type QuoteResponseFormProps = {
  quote: AdminQuote
  /** Told when the quote was sent or rejected; the page shows it above its sections. */
  onDone: (notice: QuoteNotice) => void
}

/**
 * Answer a requested (or re-price a quoted) quote: a unit price per line,
 * a note and the last day the offer is valid; or reject it.
 *
 * Outcomes are shown on the page, not in toasts: a toast sits in the corner
 * where this form's buttons are and would cover them.
 */
export const QuoteResponseForm = ({ quote, onDone }: QuoteResponseFormProps) => {
  const prompt = usePrompt()
  const respond = useRespondToQuote(quote.id)
  const reject = useRejectQuote(quote.id)
  const [draft, setDraft] = useState<QuoteResponseDraft>(() => initialQuoteResponseDraft(quote))
  const [errors, setErrors] = useState<QuoteResponseErrors>({ unitPrices: {} })
  const [failure, setFailure] = useState<{ title: string; message: string } | null>(null)
  const busy = respond.isPending || reject.isPending
  const isRequote = quote.status === "quoted"

  const update = (patch: Partial<QuoteResponseDraft>) => setDraft((current) => ({ ...current, ...patch }))

  const onSend = async () => {
    const { body, errors: found } = validateQuoteResponseDraft(quote, draft)
    setErrors(found)
    if (!body) {
      return
    }
    setFailure(null)
    try {
      await respond.mutateAsync(body)
      onDone({
        title: isRequote ? "Updated quote sent" : "Quote sent",
        message: "The customer can accept the offer from the storefront until it expires.",
      })
    } catch (error) {
      setFailure({ title: "Could not send the quote", message: errorMessage(error) })
    }
  }

  const onReject = async () => {
    const confirmed = await prompt({
      title: "Reject this quote?",
      description:
        "The customer is told the request was declined. A rejected quote cannot be priced again; the customer would have to request a new one.",
      confirmText: "Reject quote",
      cancelText: "Cancel",
      variant: "danger",
    })
    if (!confirmed) {
      return
    }
    const note = draft.note.trim()
    setFailure(null)
    try {
      await reject.mutateAsync(note ? { note } : {})
      onDone({ title: "Quote rejected", message: "The customer sees that the request was declined." })
    } catch (error) {
      setFailure({ title: "Could not reject the quote", message: errorMessage(error) })
    }
  }

  return (
    <Container className="divide-y p-0" data-testid="quote-response-form">
      <div className="flex flex-col px-6 py-4">
        <Heading level="h2">{isRequote ? "Update the offer" : "Price the request"}</Heading>
        <Text size="small" leading="compact" className="text-ui-fg-subtle">
          {isRequote
            ? "The customer has this offer. Sending new prices replaces it."
            : "Set a unit price for every line, then send the offer to the customer."}
        </Text>
      </div>
      <QuoteItemsTable
        items={quote.items ?? []}
        currencyCode={quote.currency_code}
        unitPrices={draft.unitPrices}
        errors={errors.unitPrices}
        disabled={busy}
        onUnitPriceChange={(itemId, value) =>
          update({ unitPrices: { ...draft.unitPrices, [itemId]: value } })
        }
      />
      <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2">
        <div className="flex flex-col gap-y-2">
          <Label size="small" weight="plus" htmlFor="quote-expires-on">
            Offer valid until
          </Label>
          <div data-testid="quote-expiry">
            <DatePicker
              id="quote-expires-on"
              aria-label="Offer valid until"
              size="small"
              granularity="day"
              minValue={today()}
              value={draft.expiresOn}
              isDisabled={busy}
              onChange={(value) => update({ expiresOn: value })}
            />
          </div>
          {errors.expiresOn ? (
            <Hint variant="error">{errors.expiresOn}</Hint>
          ) : (
            <Hint>The customer can accept until the end of this day.</Hint>
          )}
        </div>
        <div className="flex flex-col gap-y-2">
          <Label size="small" weight="plus" htmlFor="quote-note">
            Note to the customer (optional)
          </Label>
          <Textarea
            id="quote-note"
            data-testid="quote-note"
            rows={3}
            maxLength={2000}
            placeholder="e.g. Prices include volume discount; delivery in 5 working days."
            value={draft.note}
            disabled={busy}
            onChange={(event) => update({ note: event.target.value })}
          />
        </div>
      </div>
      {failure && (
        <div className="px-6 py-4">
          <Alert variant="error" dismissible data-testid="quote-response-error">
            <div className="flex flex-col gap-y-1">
              <Text size="small" leading="compact" weight="plus">
                {failure.title}
              </Text>
              <Text size="small" leading="compact">
                {failure.message}
              </Text>
            </div>
          </Alert>
        </div>
      )}
      <div className="flex items-center justify-end gap-x-2 px-6 py-4">
        <Button
          size="small"
          variant="secondary"
          onClick={onReject}
          isLoading={reject.isPending}
          disabled={busy}
          data-testid="reject-quote"
        >
          Reject
        </Button>
        <Button
          size="small"
          variant="primary"
          onClick={onSend}
          isLoading={respond.isPending}
          disabled={busy}
          data-testid="send-quote"
        >
          {isRequote ? "Send updated quote" : "Send quote"}
        </Button>
      </div>
    </Container>
  )
}
QuoteResponseForm.displayName = "QuoteResponseForm"
