import { applyCompanyTaxData } from "../utils/company-tax-data"

const none = { tax_id: null, tax_id_country: null, country_code: null }

describe("applyCompanyTaxData (DESIGN §11 for companies)", () => {
  it("stores the canonical tax ID checked by country; omitted fields keep their value, null clears", () => {
    const set = applyCompanyTaxData(none, { tax_id: "de 811.907.980", country_code: "de" })
    expect(set).toEqual({ tax_id: "DE811907980", tax_id_country: "DE", country_code: "DE" })
    // The country hint gives a number without prefix its country.
    expect(applyCompanyTaxData(none, { tax_id: "811 907 980", country_code: "DE" }).tax_id).toBe("DE811907980")
    expect(applyCompanyTaxData(set, { country_code: "AT" })).toEqual({ tax_id: "DE811907980", tax_id_country: "DE", country_code: "AT" })
    expect(applyCompanyTaxData(set, { tax_id: null })).toEqual({ tax_id: null, tax_id_country: null, country_code: "DE" })
    expect(applyCompanyTaxData(set, {})).toEqual(set)
    // Written differently, the same number: nothing changes.
    expect(applyCompanyTaxData(set, { tax_id: "DE 811 907 980" })).toEqual(set)
  })

  it("refuses bad values naming the field and the rule", () => {
    expect(() => applyCompanyTaxData(none, { tax_id: "DE\u0000" })).toThrow(/^tax_id contains a NUL character/)
    expect(() => applyCompanyTaxData(none, { tax_id: "DE\u202e123" })).toThrow(/^tax_id contains a bidirectional/)
    expect(() => applyCompanyTaxData(none, { tax_id: "DE811907981" })).toThrow(/^tax_id /)
    expect(() => applyCompanyTaxData(none, { tax_id: "DE_123" })).toThrow(/^tax_id /)
    expect(() => applyCompanyTaxData(none, { country_code: "Germany" })).toThrow(/^country_code /)
  })
})
