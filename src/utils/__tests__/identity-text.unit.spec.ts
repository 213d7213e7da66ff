import { parseClerkProfile } from "../clerk-profile"
import { exactIlikePattern, isSameEmail, normalizeEmail } from "../customer-email"
import { parseRoleClaims } from "../role-claims"

const user = (patch: Record<string, unknown> = {}) => ({
  id: "user_1",
  email: "ada@example.test",
  email_verified: true,
  first_name: "Ada",
  last_name: "Lovelace",
  unsafe_metadata: {},
  public_metadata: {},
  updated_at: 1,
  ...patch,
})

describe("emails", () => {
  it("are one mailbox in any case, trimmed", () => {
    expect(isSameEmail("Mixed.Case@Example.test", " mixed.case@example.TEST ")).toBe(true)
    expect(isSameEmail("a@example.test", "b@example.test")).toBe(false)
    expect(isSameEmail(null, "a@example.test")).toBe(false)
    expect(normalizeEmail(" A@B.test ")).toBe("a@b.test")
  })

  it("escape LIKE's wildcards and escape character for an exact ILIKE", () => {
    expect(exactIlikePattern("first_last%1\\x@example.test")).toBe("first\\_last\\%1\\\\x@example.test")
  })
})

describe("parseClerkProfile", () => {
  it("lower-cases the email, trims names and treats blank or invisible names as none", () => {
    expect(parseClerkProfile(user({ email: "Ada@Example.test", first_name: "  Ada ", last_name: "\u200b " }))).toEqual({
      email: "ada@example.test",
      email_verified: true,
      first_name: "Ada",
      last_name: null,
    })
  })

  it.each([
    ["a NUL in first_name", { first_name: "A\u0000" }, /^first_name contains a NUL character/],
    ["a bidi control in last_name", { last_name: "Love\u202elace" }, /^last_name contains a bidirectional control character/],
    ["a first_name of 256 characters", { first_name: "x".repeat(256) }, /^first_name is longer than 255 characters/],
    ["a bell in the email", { email: "a\u0007@example.test" }, /^email_address contains the control character U\+0007/],
  ])("refuses %s with invalid_metadata naming the field", (_name, patch, message) => {
    expect(() => parseClerkProfile(user(patch))).toThrow(message)
    try {
      parseClerkProfile(user(patch))
    } catch (e) {
      expect((e as { code?: string }).code).toBe("invalid_metadata")
    }
  })
})

describe("parseRoleClaims text", () => {
  const business = (metadata: Record<string, unknown>) =>
    parseRoleClaims({ unsafe_metadata: { accountType: "business", ...metadata } })

  it("counts code points: 255 emoji pass, 256 fail", () => {
    expect(business({ company: "🏭".repeat(255) }).company_name).toHaveLength(510)
    expect(() => business({ company: "🏭".repeat(256) })).toThrow(
      "unsafe_metadata.company is longer than 255 characters (256)"
    )
  })

  it.each([
    ["a NUL in company", { company: "Acme\u0000" }, "unsafe_metadata.company contains a NUL character"],
    ["a terminal escape in companyName", { companyName: "Acme\u001b[31m" }, "unsafe_metadata.companyName contains the control character U+001B"],
    ["an invisible company", { company: "\u200b\u2060" }, "unsafe_metadata.company is required"],
    ["no company", {}, "unsafe_metadata.company is required"],
    ["a numeric company", { company: 42 }, "unsafe_metadata.company must be a string"],
    ["a bidi isolate in tax_id", { company: "Acme", tax_id: "DE\u20661" }, "unsafe_metadata.tax_id contains a bidirectional control character"],
  ])("refuses %s", (_name, metadata, message) => {
    expect(() => business(metadata)).toThrow(message)
  })

  it("a blank tax ID is no tax ID", () => {
    expect(business({ company: "Acme", tax_id: " \u200b " }).tax_id).toBeNull()
  })
})
