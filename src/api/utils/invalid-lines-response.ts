import { MedusaError } from "@medusajs/framework/utils"
import type { MedusaResponse } from "@medusajs/framework/http"

/** Writes `{ type, message, errors }` when `error` came from invalidLinesError. */
export function sendInvalidLinesError(error: unknown, res: MedusaResponse) {
  const e = error as { type?: string; message?: string; errors?: unknown }
  if (e?.type !== MedusaError.Types.INVALID_DATA || !Array.isArray(e.errors)) {
    return false
  }
  res.status(400).json({ type: e.type, message: e.message, errors: e.errors })
  return true
}
