import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { InputProblem } from "../../utils/zod-issues"

/** At most this many problems are listed, so a 10,000-line body stays a short answer. */
const MAX_LISTED = 20

/**
 * `400 { type: "invalid_data", message, fields: [{ field, message }] }`: the
 * message lists every problem (Medusa's error shape), `fields` says the same
 * for programs.
 */
export function sendInvalidInput(res: MedusaResponse, problems: InputProblem[]) {
  const listed = problems.slice(0, MAX_LISTED)
  const more = problems.length - listed.length
  res.status(400).json({
    type: MedusaError.Types.INVALID_DATA,
    message: `Invalid request: ${listed.map((p) => p.message).join("; ")}${more > 0 ? `; and ${more} more` : ""}.`,
    fields: listed,
  })
}
