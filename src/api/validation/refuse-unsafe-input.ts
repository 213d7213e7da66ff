import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { textProblem } from "../../utils/text-input"
import { inputDepth, MAX_INPUT_DEPTH } from "./input-depth"
import { sendInvalidInput } from "./invalid-input-response"

const decodePath = (path: string): string | null => {
  try {
    return decodeURIComponent(path)
  } catch {
    return null
  }
}

/**
 * The first check on every plugin route, before any validator or workflow:
 * - a JSON body or a query nested deeper than MAX_INPUT_DEPTH → 400 (zod and
 *   the workflow engine walk values recursively: 10,000 nested arrays would
 *   overflow the stack and answer 500);
 * - a path whose ids carry NUL, control or bidirectional characters
 *   (`/store/quotes/%00`) → 400, since PostgreSQL answers a NUL byte with an
 *   error (a 500) and such ids can't exist anyway.
 * The depth walk is iterative and stops at the limit.
 */
export function refuseUnsafeInput(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const problems: { field: string; message: string }[] = []
  for (const [field, value] of [
    ["body", req.body],
    ["query", req.query],
  ] as const) {
    if (inputDepth(value) > MAX_INPUT_DEPTH) {
      problems.push({
        field,
        message: `The ${field === "body" ? "request body" : "query"} is nested more than ${MAX_INPUT_DEPTH} levels deep`,
      })
    }
  }
  // originalUrl: under app.use(), req.path is relative to the matcher.
  const path = decodePath((req.originalUrl ?? req.url).split("?")[0])
  if (path === null) {
    problems.push({ field: "path", message: "The URL path is not valid percent-encoding" })
  } else {
    const problem = path.split("/").map((segment) => segment && textProblem(segment)).find(Boolean)
    if (problem) {
      problems.push({ field: "path", message: `The URL path ${problem}` })
    }
  }
  if (problems.length) {
    return sendInvalidInput(res, problems)
  }
  next()
}
