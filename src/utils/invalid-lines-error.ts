import { MedusaError } from "@medusajs/framework/utils"

export type InvalidLine = { index: number; reason: string }

/**
 * A 400 naming every bad line of a request at once. Medusa's error handler
 * only writes `{ type, message }`, so the message lists each line too and
 * routes add the structured `errors` (src/api/utils/invalid-lines-response.ts).
 */
export function invalidLinesError(errors: InvalidLine[]) {
  const lines = errors.map((e) => `items[${e.index}]: ${e.reason}`).join("; ")
  const error = new MedusaError(
    MedusaError.Types.INVALID_DATA,
    `${errors.length} ${errors.length === 1 ? "line is" : "lines are"} invalid, nothing was created. ${lines}`
  )
  // An own property, so it survives the workflow engine's error serialization.
  Object.assign(error, { errors })
  return error
}

/**
 * Limits apply after merging: a variant whose repeated lines add up to more
 * than `max` is reported on each line that went into it, e.g. two lines of
 * 100,000 with a limit of 100,000.
 */
export function mergedQuantityErrors(
  merged: Iterable<{ variant_id: string; quantity: number; indexes: number[] }>,
  max: number
): InvalidLine[] {
  const errors: InvalidLine[] = []
  for (const line of merged) {
    if (line.quantity <= max) {
      continue
    }
    const lines = line.indexes.map((i) => `items[${i}]`).join(", ")
    for (const index of line.indexes) {
      errors.push({
        index,
        reason:
          line.indexes.length > 1
            ? `variant ${line.variant_id} adds up to ${line.quantity} over ${lines}; at most ${max} per variant`
            : `quantity must be at most ${max} (got ${line.quantity})`,
      })
    }
  }
  return errors
}
