import type { z } from "@medusajs/framework/zod"

export type InputProblem = {
  /** Where, in the plugin's notation: `items[0].quantity`; `body` or `query` for the whole. */
  field: string
  /** A sentence naming the field and what is wrong with it. */
  message: string
}

type Issue = z.core.$ZodIssue

/** `["items", 0, "quantity"]` → `items[0].quantity`. */
export function formatPath(path: readonly PropertyKey[], root: string): string {
  if (!path.length) {
    return root
  }
  return path
    .map((key, i) =>
      typeof key === "number" ? `[${key}]` : `${i ? "." : ""}${String(key)}`
    )
    .join("")
}

const valueAt = (input: unknown, path: readonly PropertyKey[]) =>
  path.reduce<unknown>(
    (node, key) =>
      node !== null && typeof node === "object"
        ? (node as Record<PropertyKey, unknown>)[key as string]
        : undefined,
    input
  )

/** "a string", "an array", "null": what a JSON value is, for messages. */
export function describeJsonType(value: unknown): string {
  if (value === null) return "null"
  if (Array.isArray(value)) return "an array"
  switch (typeof value) {
    case "string":
      return "a string"
    case "number":
      return Number.isInteger(value) ? "a number" : "a number with decimals"
    case "boolean":
      return "a boolean"
    case "object":
      return "an object"
    default:
      return typeof value
  }
}

const EXPECTED: Record<string, string> = {
  object: "a JSON object",
  array: "an array",
  string: "a string",
  number: "a number",
  int: "an integer",
  boolean: "true or false",
  date: "a date",
}

const UNIT: Record<string, [string, string]> = {
  array: ["item", "items"],
  string: ["character", "characters"],
  set: ["item", "items"],
}

function bound(issue: Issue & { code: "too_small" | "too_big" }): string {
  const limit = Number(
    issue.code === "too_small" ? issue.minimum : issue.maximum
  )
  const unit = UNIT[(issue as { origin?: string }).origin ?? ""]
  if (unit) {
    const noun = limit === 1 ? unit[0] : unit[1]
    return issue.code === "too_small"
      ? `must have at least ${limit} ${noun}`
      : `must have at most ${limit} ${noun}`
  }
  if (issue.code === "too_small") {
    return issue.inclusive ? `must be at least ${limit}` : `must be greater than ${limit}`
  }
  return issue.inclusive ? `must be at most ${limit}` : `must be less than ${limit}`
}

const quote = (value: unknown) =>
  typeof value === "string" ? JSON.stringify(value) : String(value)

/**
 * One sentence per zod issue that names the field and the real problem:
 * "items[0].quantity must be an integer (got a number with decimals)",
 * "message contains a NUL character", "The request body must be a JSON
 * object (got an array)". Medusa's own formatter says "Field '' is required"
 * for a body that is not an object and "is required" for values that are
 * present with the wrong type inside arrays; this one reads the value at the
 * issue's path to tell missing from wrong.
 *
 * `input` is what was validated; `root` names it (`body`, `query`).
 */
export function formatZodIssues(
  issues: readonly Issue[],
  input: unknown,
  root: string
): InputProblem[] {
  return issues.map((issue) => {
    const field = formatPath(issue.path, root)
    const value = valueAt(input, issue.path)
    const subject = issue.path.length
      ? field
      : root === "body"
        ? "The request body"
        : `The ${root}`
    const say = (text: string) => ({ field, message: `${subject} ${text}` })

    switch (issue.code) {
      case "invalid_type": {
        const expected = EXPECTED[issue.expected] ?? issue.expected
        if (value === undefined) {
          return issue.path.length
            ? say("is required")
            : say(`is missing: send ${expected}`)
        }
        return say(`must be ${expected} (got ${describeJsonType(value)})`)
      }
      case "too_small":
      case "too_big":
        return say(bound(issue))
      case "invalid_value":
        if (value === undefined) {
          return say("is required")
        }
        return say(
          `must be one of ${issue.values.map(quote).join(", ")} (got ${quote(value)})`
        )
      case "unrecognized_keys": {
        const names = issue.keys.map((key) => formatPath([...issue.path, key], root))
        return {
          field: names[0],
          message: `${names.length === 1 ? "Unknown field" : "Unknown fields"}: ${names.join(", ")}`,
        }
      }
      case "invalid_format":
        if (issue.format === "datetime") {
          return say(
            "must be an ISO 8601 date-time with a time zone, e.g. 2030-01-31T12:00:00Z"
          )
        }
        return say(`must be a valid ${issue.format}`)
      case "not_multiple_of":
        return say(`must be a multiple of ${issue.divisor}`)
      case "custom":
        // Text rules say a phrase that follows the field's name.
        return (issue.params as { phrase?: boolean } | undefined)?.phrase
          ? say(issue.message)
          : { field, message: issue.path.length ? `${field}: ${issue.message}` : issue.message }
      default:
        return { field, message: issue.path.length ? `${field}: ${issue.message}` : issue.message }
    }
  })
}
