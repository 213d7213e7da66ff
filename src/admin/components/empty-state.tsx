import { ExclamationCircle, MagnifyingGlass } from "@medusajs/icons"
import { Button, Text, clx } from "@medusajs/ui"
import type { ReactNode } from "react"

type EmptyStateProps = {
  /** `empty`: nothing exists yet; `filtered`: nothing matches the search or filters. */
  kind?: "empty" | "filtered"
  title: string
  message?: ReactNode
  action?: { label: string; onClick: () => void }
  className?: string
  testId?: string
}

/**
 * What a list or section shows when it has nothing to show, in the
 * dashboard's style: a muted icon, a short title, one sentence, and at most
 * one way forward.
 */
export const EmptyState = ({ kind = "empty", title, message, action, className, testId }: EmptyStateProps) => (
  <div
    className={clx("flex w-full flex-col items-center justify-center gap-y-3 px-6 py-10 text-center", className)}
    data-testid={testId}
  >
    {kind === "filtered" ? (
      <MagnifyingGlass className="text-ui-fg-subtle" />
    ) : (
      <ExclamationCircle className="text-ui-fg-subtle" />
    )}
    <div className="flex max-w-[420px] flex-col items-center gap-y-1">
      <Text size="small" leading="compact" weight="plus">
        {title}
      </Text>
      {message && (
        <Text size="small" className="text-ui-fg-subtle text-pretty">
          {message}
        </Text>
      )}
    </div>
    {action && (
      <Button size="small" variant="secondary" onClick={action.onClick}>
        {action.label}
      </Button>
    )}
  </div>
)
