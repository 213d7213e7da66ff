import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"

type SectionRowProps = {
  title: string
  value?: ReactNode
  testId?: string
}

/** A "label | value" row of a detail section, laid out like the dashboard's own. */
export const SectionRow = ({ title, value, testId }: SectionRowProps) => {
  const isText = typeof value === "string" || typeof value === "number" || !value
  return (
    <div
      className="text-ui-fg-subtle grid grid-cols-2 items-center px-6 py-4"
      data-testid={testId}
    >
      <Text size="small" weight="plus" leading="compact">
        {title}
      </Text>
      {isText ? (
        <Text size="small" leading="compact" className="whitespace-pre-line text-pretty break-words">
          {value ?? "-"}
        </Text>
      ) : (
        <div className="flex flex-wrap items-center gap-x-2">{value}</div>
      )}
    </div>
  )
}
