import { applyCompanyTaxData } from "../utils/company-tax-data"

const none = { tax_id: null, tax_id_country: null, country_code: null }

describe("applyCompanyTaxData", () => {
  it("normalizes the tax ID and upper-cases the country; omitted fields keep their value, null clears", () => {
    const set = applyCompanyTaxData(none, { tax_id: "  de 123   456 ", country_code: "de" })
    expect(set).toEqual({ tax_id: "DE 123 456", tax_id_country: "DE", country_code: "DE" })
    expect(applyCompanyTaxData(set, { country_code: "AT" })).toEqual({ tax_id: "DE 123 456", tax_id_country: "AT", country_code: "AT" })
    expect(applyCompanyTaxData(set, { tax_id: null })).toEqual({ tax_id: null, tax_id_country: null, country_code: "DE" })
    expect(applyCompanyTaxData(set, {})).toEqual(set)
  })

  it("refuses bad values naming the field", () => {
    expect(() => applyCompanyTaxData(none, { tax_id: "DE\u0000" })).toThrow(/^tax_id contains a NUL character/)
    expect(() => applyCompanyTaxData(none, { tax_id: "DE\u202e123" })).toThrow(/^tax_id contains a bidirectional/)
    expect(() => applyCompanyTaxData(none, { tax_id: "DE_123" })).toThrow(/^tax_id must be/)
    expect(() => applyCompanyTaxData(none, { country_code: "Germany" })).toThrow(/^country_code must be a two-letter/)
  })
})
