import { z } from "@medusajs/framework/zod"
import { textProblem, type TextRules } from "./text-input"

/**
 * A zod string held to the plugin's text rules (src/utils/text-input.ts): no
 * NUL, control or bidirectional characters, not blank, at most `max`
 * characters (code points). The issue's message is a phrase that follows
 * the field's name ("contains a NUL character"); `formatZodIssues` puts the
 * name in front.
 */
export const textSchema = (rules: TextRules = {}) =>
  z.string().superRefine((value, ctx) => {
    const problem = textProblem(value, rules)
    if (problem) {
      ctx.addIssue({ code: "custom", message: problem, params: { phrase: true } })
    }
  })

/**
 * An id or other single-line token the plugin matches against the database
 * (a variant, customer, region or quote line id; a SKU): PostgreSQL refuses
 * NUL bytes with a 500, so they are refused here with a 400 instead.
 */
export const idSchema = () => textSchema({ max: 255 })
