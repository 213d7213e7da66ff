import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { formatZodIssues } from "../../utils/zod-issues"
import { sendInvalidInput } from "./invalid-input-response"

/**
 * A body schema, or core's `WithAdditionalData(schema)`: a function that
 * takes the host's `additionalDataValidator` for the route (set in the host's
 * `defineMiddlewares`) and returns the schema with `additional_data`.
 */
type WithAdditionalDataSchema = (additionalDataValidator?: any) => z.ZodType

const schemaFor = (schema: z.ZodType | WithAdditionalDataSchema, req: MedusaRequest) =>
  typeof schema === "function" ? schema(req.additionalDataValidator) : schema

/**
 * The plugin's body validation (in place of Medusa's
 * `validateAndTransformBody`, whose messages say "Field '' is required" for
 * a body that is not an object and "is required" for present values of the
 * wrong type): sets `req.validatedBody`, or answers 400 naming every bad
 * field. Put it after `refuseDeepInput` (see route-input-guards.ts).
 */
export function validateBody(schema: z.ZodType | WithAdditionalDataSchema) {
  return async function validateRoleSyncBody(
    req: MedusaRequest,
    res: MedusaResponse,
    next: MedusaNextFunction
  ) {
    try {
      const result = await schemaFor(schema, req).safeParseAsync(req.body)
      if (!result.success) {
        return sendInvalidInput(res, formatZodIssues(result.error.issues, req.body, "body"))
      }
      req.validatedBody = result.data
      next()
    } catch (e) {
      next(e)
    }
  }
}
