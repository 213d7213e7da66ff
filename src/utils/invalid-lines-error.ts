import { MedusaError } from "@medusajs/framework/utils"
import type { MedusaResponse } from "@medusajs/framework/http"

export type InvalidLine = { index: number; reason: string }

/**
 * A 400 naming every bad line of a request at once. Medusa's error handler
 * only writes `{ type, message }`, so the message lists each line too and
 * routes add the structured `errors` with `sendInvalidLinesError`.
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

/** Writes `{ type, message, errors }` when `error` came from invalidLinesError. */
export function sendInvalidLinesError(error: unknown, res: MedusaResponse) {
  const e = error as { type?: string; message?: string; errors?: unknown }
  if (e?.type !== MedusaError.Types.INVALID_DATA || !Array.isArray(e.errors)) {
    return false
  }
  res.status(400).json({ type: e.type, message: e.message, errors: e.errors })
  return true
}
