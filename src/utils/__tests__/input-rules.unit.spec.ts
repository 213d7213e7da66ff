import { z } from "@medusajs/framework/zod"
import { inputDepth, MAX_INPUT_DEPTH } from "../../api/validation/input-depth"
import { mergedQuantityErrors } from "../invalid-lines-error"
import { currencyDecimalDigits, MAX_QUOTE_UNIT_PRICE, unitPriceProblem } from "../money"
import { idSchema, textSchema } from "../text-schema"
import { formatZodIssues } from "../zod-issues"

const nested = (depth: number) => {
  let node: unknown = "x"
  for (let i = 0; i < depth; i++) node = i % 2 ? { a: node } : [node]
  return node
}

describe("inputDepth", () => {
  it("counts objects and arrays, not scalars", () => {
    expect(inputDepth("x")).toBe(0)
    expect(inputDepth(null)).toBe(0)
    expect(inputDepth({})).toBe(1)
    expect(inputDepth({ items: [{ sku: "x", quantity: 1 }] })).toBe(3)
    expect(inputDepth(nested(MAX_INPUT_DEPTH))).toBe(MAX_INPUT_DEPTH)
  })

  it("stops past the limit without recursion: 200,000 levels answer limit + 1", () => {
    expect(inputDepth(nested(MAX_INPUT_DEPTH + 1))).toBe(MAX_INPUT_DEPTH + 1)
    const deep = JSON.parse("[".repeat(200_000) + "]".repeat(200_000))
    expect(inputDepth(deep)).toBe(MAX_INPUT_DEPTH + 1)
  })
})

describe("formatZodIssues", () => {
  const schema = z
    .object({
      items: z.array(z.object({ id: z.string(), quantity: z.number().int().min(1) }).strict()).min(1),
      note: textSchema({ max: 5, multiline: true }).optional(),
      kind: z.enum(["a", "b"]).optional(),
    })
    .strict()
  const messages = (input: unknown) =>
    formatZodIssues(schema.safeParse(input).error!.issues, input, "body").map((p) => p.message)

  it("names a body that is not an object instead of \"Field '' is required\"", () => {
    expect(messages([1])).toEqual(["The request body must be a JSON object (got an array)"])
    expect(messages(null)).toEqual(["The request body must be a JSON object (got null)"])
    expect(messages(undefined)).toEqual(["The request body is missing: send a JSON object"])
  })

  it("tells a wrong type from a missing field, inside arrays too", () => {
    expect(messages({ items: [{ id: 5, quantity: 1 }] })).toEqual(["items[0].id must be a string (got a number)"])
    expect(messages({ items: [{ quantity: 1 }] })).toEqual(["items[0].id is required"])
    expect(messages({ items: [{ id: "x", quantity: 0.5 }] })).toEqual([
      "items[0].quantity must be an integer (got a number with decimals)",
    ])
  })

  it("says bounds, options, unknown fields and text rules with the field's name", () => {
    expect(messages({ items: [] })).toEqual(["items must have at least 1 item"])
    expect(messages({ items: [{ id: "x", quantity: 1 }], kind: "c" })).toEqual([
      'kind must be one of "a", "b" (got "c")',
    ])
    expect(messages({ items: [{ id: "x", quantity: 1, price: 1 }] })).toEqual(["Unknown field: items[0].price"])
    expect(messages({ items: [{ id: "x", quantity: 1 }], note: "a\u0000" })).toEqual(["note contains a NUL character"])
    expect(messages({ items: [{ id: "x", quantity: 1 }], note: "😀".repeat(6) })).toEqual([
      "note is longer than 5 characters (6)",
    ])
  })
})

describe("text schemas", () => {
  it("count code points, allow newlines only in multi-line text, refuse blanks, controls and bidi", () => {
    expect(textSchema({ max: 5 }).safeParse("😀".repeat(5)).success).toBe(true)
    expect(textSchema({ multiline: true }).safeParse("a\nb").success).toBe(true)
    expect(textSchema().safeParse("a\nb").success).toBe(false)
    expect(idSchema().safeParse("\u200b").success).toBe(false)
    expect(idSchema().safeParse("id\u202e").success).toBe(false)
    expect(idSchema().safeParse("variant_01").success).toBe(true)
  })
})

describe("unit prices", () => {
  it("know each currency's decimal places (Medusa's table, then Intl)", () => {
    expect(currencyDecimalDigits("eur")).toBe(2)
    expect(currencyDecimalDigits("JPY")).toBe(0)
    expect(currencyDecimalDigits("kwd")).toBe(3)
  })

  it("refuse non-finite, negative, too large and too precise amounts", () => {
    expect(unitPriceProblem(Number.POSITIVE_INFINITY, "eur")).toBe("must be a finite number")
    expect(unitPriceProblem(Number.NaN, "eur")).toBe("must be a finite number")
    expect(unitPriceProblem(-0.01, "eur")).toBe("must not be negative")
    expect(unitPriceProblem(1e308, "eur")).toBe(`must be at most ${MAX_QUOTE_UNIT_PRICE}`)
    expect(unitPriceProblem(0.0001, "eur")).toBe("has more decimal places than EUR allows (2)")
    expect(unitPriceProblem(10.5, "jpy")).toBe("has more decimal places than JPY allows (0)")
    expect(unitPriceProblem(1.234, "kwd")).toBeNull()
    expect(unitPriceProblem(19.99, "eur")).toBeNull()
    expect(unitPriceProblem(0, "eur")).toBeNull()
    expect(unitPriceProblem(MAX_QUOTE_UNIT_PRICE, "usd")).toBeNull()
  })
})

describe("mergedQuantityErrors", () => {
  it("reports every line of a variant whose merged quantity passes the limit", () => {
    expect(
      mergedQuantityErrors(
        [
          { variant_id: "v1", quantity: 200, indexes: [0, 3] },
          { variant_id: "v2", quantity: 100, indexes: [1] },
          { variant_id: "v3", quantity: 101, indexes: [2] },
        ],
        100
      )
    ).toEqual([
      { index: 0, reason: "variant v1 adds up to 200 over items[0], items[3]; at most 100 per variant" },
      { index: 3, reason: "variant v1 adds up to 200 over items[0], items[3]; at most 100 per variant" },
      { index: 2, reason: "quantity must be at most 100 (got 101)" },
    ])
  })
})
