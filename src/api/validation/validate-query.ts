import {
  validateAndTransformQuery,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { formatZodIssues } from "../../utils/zod-issues"
import { disallowedFields } from "./disallowed-fields"
import { sendInvalidInput } from "./invalid-input-response"

type QueryConfig = Parameters<typeof validateAndTransformQuery>[1]

/**
 * Medusa reads a single `?a[]=x,y` as `["x", "y"]` before validating; the
 * same here so both validations see one input.
 */
const normalizedQuery = (query: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(query).map(([key, value]) => [
      key,
      Array.isArray(value) && value.length === 1 && typeof value[0] === "string"
        ? value[0].split(",")
        : value,
    ])
  )

/**
 * `validateAndTransformQuery` with the plugin's messages: the query is
 * checked first and a bad one answers 400 naming each field (`?limit=abc`
 * → "limit must be a number"; `?fields=` naming a field outside the route's
 * `allowed` list → "Requested fields [x] are not valid here"); a good one
 * then goes through Medusa's own middleware, which sets `validatedQuery`,
 * `queryConfig` (fields and pagination) and `filterableFields`.
 */
export function validateQuery(schema: z.ZodType, config: QueryConfig) {
  const medusa = validateAndTransformQuery(schema as any, config)
  return async function validateRoleSyncQuery(
    req: MedusaRequest,
    res: MedusaResponse,
    next: MedusaNextFunction
  ) {
    try {
      const query = normalizedQuery(req.query as Record<string, unknown>)
      const refused = disallowedFields(req.query.fields, config.allowed)
      if (refused.length) {
        return sendInvalidInput(res, [
          { field: "fields", message: `Requested fields [${refused.join(", ")}] are not valid here` },
        ])
      }
      const result = await schema.safeParseAsync(query)
      if (!result.success) {
        return sendInvalidInput(res, formatZodIssues(result.error.issues, query, "query"))
      }
      return medusa(req as any, res, next)
    } catch (e) {
      next(e)
    }
  }
}
