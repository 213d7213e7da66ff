import {
  validateAndTransformQuery,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

type QueryConfigWithAllowed = { allowed?: string[] }

/** `+x`, ` x` and `x` ask for a field; `*x` and `x.*` for a whole relation. */
const requestedField = (raw: string) => {
  const field = raw.replace(/^[+ \t]+/, "").trim()
  return field.replace(/(^\*|\.\*$)/, "")
}

/**
 * Answers 400 naming every field of `?fields=` outside the route's allowed
 * list. Medusa 2.21's `validateAndTransformQuery` drops such fields without
 * a word, so a storefront asking for something it may not see would get a
 * 200 missing the field; the plugin's routes say so instead. Removals
 * (`-field`) are always fine. Runs before `validateAndTransformQuery`.
 */
export function refuseDisallowedFields({ allowed = [] }: QueryConfigWithAllowed) {
  const allowedFields = new Set(allowed)
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const raw = req.query.fields
    const fields = (Array.isArray(raw) ? raw : [raw])
      .filter((value): value is string => typeof value === "string")
      .flatMap((value) => value.split(","))
      .filter((field) => field.trim() && !field.startsWith("-"))
      .map(requestedField)
    const refused = [...new Set(fields.filter((field) => !allowedFields.has(field)))]
    if (allowedFields.size && refused.length) {
      return next(
        new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Requested fields [${refused.join(", ")}] are not valid here.`
        )
      )
    }
    next()
  }
}

/**
 * The query middlewares of a route answering with `?fields=`: this refusal,
 * then Medusa's `validateAndTransformQuery` with the route's query config.
 */
export const validateAndTransformQueryStrictly = (
  schema: Parameters<typeof validateAndTransformQuery>[0],
  config: Parameters<typeof validateAndTransformQuery>[1] & QueryConfigWithAllowed
) => [refuseDisallowedFields(config), validateAndTransformQuery(schema, config)]
