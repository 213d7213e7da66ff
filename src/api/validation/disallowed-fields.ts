/** `+x`, ` x` and `x` ask for a field; `*x` and `x.*` for a whole relation. */
const requestedField = (raw: string) =>
  raw.replace(/^[+ \t]+/, "").trim().replace(/(^\*|\.\*$)/, "")

/**
 * The fields of `?fields=` outside a route's allowed list (removals, `-x`,
 * are always fine). Medusa 2.21's `validateAndTransformQuery` drops such
 * fields without a word, so a storefront asking for something it may not
 * see would get a 200 missing the field; the plugin's routes answer a 400
 * naming them instead (see validate-query.ts).
 */
export function disallowedFields(fields: unknown, allowed: readonly string[] = []) {
  if (!allowed.length) {
    return []
  }
  const allowedFields = new Set(allowed)
  const requested = (Array.isArray(fields) ? fields : [fields])
    .filter((value): value is string => typeof value === "string")
    .flatMap((value) => value.split(","))
    .filter((field) => field.trim() && !field.startsWith("-"))
    .map(requestedField)
  return [...new Set(requested.filter((field) => !allowedFields.has(field)))]
}
