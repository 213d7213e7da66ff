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
