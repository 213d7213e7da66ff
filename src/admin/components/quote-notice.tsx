import { Alert, Text } from "@medusajs/ui"

/** The outcome of an action on a quote, shown at the top of the quote page. */
export type QuoteNotice = { title: string; message: string }

/** A dismissible success message above the quote's sections (instead of a toast over the form's buttons). */
export const QuoteNoticeAlert = ({ notice, onDismiss }: { notice: QuoteNotice; onDismiss: () => void }) => (
  <Alert variant="success" data-testid="quote-notice" className="bg-ui-bg-base">
    <div className="flex items-start justify-between gap-x-4">
      <div className="flex flex-col gap-y-1">
        <Text size="small" leading="compact" weight="plus">
          {notice.title}
        </Text>
        <Text size="small" leading="compact" className="text-ui-fg-subtle">
          {notice.message}
        </Text>
      </div>
      <button
        type="button"
        onClick={onDismiss}
        className="text-ui-fg-muted hover:text-ui-fg-subtle txt-compact-small shrink-0"
      >
        Dismiss
      </button>
    </div>
  </Alert>
)
