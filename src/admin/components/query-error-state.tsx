import { ExclamationCircle } from "@medusajs/icons"
import { Button, Text } from "@medusajs/ui"
import { errorMessage } from "../lib/error-message"

type QueryErrorStateProps = {
  title?: string
  error: unknown
  onRetry?: () => void
}

/** What a section shows when its data could not be loaded: the reason and a retry. */
export const QueryErrorState = ({ title = "Could not load this section", error, onRetry }: QueryErrorStateProps) => (
  <div className="flex flex-col items-center justify-center gap-y-3 px-6 py-8 text-center" role="alert">
    <ExclamationCircle className="text-ui-fg-error" />
    <div className="flex flex-col gap-y-1">
      <Text size="small" leading="compact" weight="plus">
        {title}
      </Text>
      <Text size="small" leading="compact" className="text-ui-fg-subtle">
        {errorMessage(error)}
      </Text>
    </div>
    {onRetry && (
      <Button size="small" variant="secondary" onClick={onRetry}>
        Try again
      </Button>
    )}
  </div>
)
