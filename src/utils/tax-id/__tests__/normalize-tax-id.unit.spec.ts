import {
  EU_VAT_COUNTRIES,
  TaxIdValidationError,
  canonicalizeStoredTaxId,
  normalizeTaxCountry,
  normalizeTaxId,
} from ".."

// Sample numbers are the public examples stdnum and python-stdnum test with.
const refusal = (fn: () => unknown): TaxIdValidationError => {
  try {
    fn()
  } catch (e) {
    if (e instanceof TaxIdValidationError) return e
    throw e
  }
  throw new Error("expected a TaxIdValidationError")
}

describe("normalizeTaxId: canonical form per country", () => {
  it.each([
    // EU-27: prefix kept, separators gone, upper case.
    ["AT", "AT U135 856 27", "ATU13585627", "AT"],
    ["BE", "be 0417.497.106", "BE0417497106", "BE"],
    ["BE (9 digits, padded)", "BE403019261", "BE0403019261", "BE"],
    ["BG", "BG 175 074 752", "BG175074752", "BG"],
    ["CY", "CY-10259033P", "CY10259033P", "CY"],
    ["CZ", "CZ 25123891", "CZ25123891", "CZ"],
    ["DE", " de 136.695.976 ", "DE136695976", "DE"],
    ["DK", "DK 13 58 56 28", "DK13585628", "DK"],
    ["EE", "EE100594102", "EE100594102", "EE"],
    ["EL (Greece)", "EL 094259216", "EL094259216", "EL"],
    ["GR written for Greece", "GR094259216", "EL094259216", "EL"],
    ["ES", "ES B-58378431", "ESB58378431", "ES"],
    ["FI", "FI 2077 4740", "FI20774740", "FI"],
    ["FR", "Fr 40 303 265 045", "FR40303265045", "FR"],
    ["HR", "HR 33392005961", "HR33392005961", "HR"],
    ["HU", "HU-12892312", "HU12892312", "HU"],
    ["IE", "IE 6433435F", "IE6433435F", "IE"],
    ["IT", "IT 00743110157", "IT00743110157", "IT"],
    ["LT", "LT 100001919017", "LT100001919017", "LT"],
    ["LU", "LU 150 274 42", "LU15027442", "LU"],
    ["LV", "LV 4000 3521 600", "LV40003521600", "LV"],
    ["MT", "MT 1167-9112", "MT11679112", "MT"],
    ["NL", "NL4495445B01", "NL004495445B01", "NL"],
    ["PL", "PL 856-734-62-15", "PL8567346215", "PL"],
    ["PT", "PT 501 964 843", "PT501964843", "PT"],
    ["RO", "RO 185 472 90", "RO18547290", "RO"],
    ["SE", "SE 1234567897 01", "SE123456789701", "SE"],
    ["SI", "SI 5022 3054", "SI50223054", "SI"],
    ["SK", "SK 202 274 96 19", "SK2022749619", "SK"],
    ["XI (Northern Ireland)", "XI 980 7806 84", "XI980780684", "XI"],
  ])("%s: %j → %s, checkable by VIES as %s", (_name, raw, canonical, viesCode) => {
    const result = normalizeTaxId(raw)
    expect(result).toEqual({
      tax_id: canonical,
      tax_id_country: expect.stringMatching(/^[A-Z]{2}$/),
      status: "format_valid",
      vies_country_code: viesCode,
      vies_vat_number: canonical.slice(viesCode.length),
    })
  })

  it("reports the ISO country: GR for EL, GB for XI", () => {
    expect(normalizeTaxId("EL094259216")?.tax_id_country).toBe("GR")
    expect(normalizeTaxId("XI980780684")?.tax_id_country).toBe("GB")
    expect(normalizeTaxId("DE136695976")?.tax_id_country).toBe("DE")
  })

  it("covers every EU-27 member state", () => {
    expect([...EU_VAT_COUNTRIES].sort()).toEqual(
      ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"]
    )
  })

  it.each([
    ["GB VAT", "GB 980 7806 84", null, "GB980780684", "GB"],
    ["GB VAT from tax_country", "980 7806 84", "GB", "GB980780684", "GB"],
    ["CH UID", "CHE-100.155.212", null, "CHE100155212", "CH"],
    ["CH VAT", "CHE-107.787.577 IVA", null, "CHE107787577IVA", "CH"],
    ["CH UID from tax_country", "100.155.212", "CH", "CHE100155212", "CH"],
    ["NO MVA", "NO 995 525 828 MVA", null, "NO995525828MVA", "NO"],
    ["NO MVA from tax_country", "995 525 828 MVA", "NO", "NO995525828MVA", "NO"],
    ["NO organisation number", "988 077 917", "NO", "988077917", "NO"],
    ["US EIN", "12-3456789", "US", "123456789", "US"],
    ["CA BN with program account", "12302 6635 RC 0001", "CA", "123026635RC0001", "CA"],
    ["AU ABN", "83 914 571 673", "AU", "83914571673", "AU"],
    ["DE from tax_country (prefix added)", "136695976", "DE", "DE136695976", "DE"],
    ["EL from tax_country", "094259216", "GR", "EL094259216", "GR"],
  ])("%s: %j (tax_country %s) → %s", (_name, raw, hint, canonical, country) => {
    const result = normalizeTaxId(raw, { countryHint: hint })
    expect(result).toEqual(
      expect.objectContaining({ tax_id: canonical, tax_id_country: country, status: "format_valid" })
    )
  })

  it("GB numbers are not VIES numbers (GB left VIES in 2021); CH, NO, US, CA, AU neither", () => {
    for (const [raw, hint] of [["GB980780684", null], ["CHE100155212", null], ["988077917", "NO"], ["123456789", "US"], ["83914571673", "AU"]]) {
      expect(normalizeTaxId(raw as string, { countryHint: hint })?.vies_country_code).toBeNull()
    }
  })

  it.each([
    ["DE", "DE136695978", null, /German VAT number.*check digit is wrong/],
    ["AT", "ATU13585626", null, /Austrian VAT number.*check digit is wrong/],
    ["EL", "EL094259217", null, /Greek VAT number.*check digit is wrong/],
    ["FR", "FR40303265046", null, /French VAT number.*check digit is wrong/],
    ["ES", "ESB58378432", null, /Spanish VAT number.*check digit is wrong/],
    ["IT", "IT00743110158", null, /Italian VAT number.*check digit is wrong/],
    ["PL", "PL8567346216", null, /Polish VAT number.*check digit is wrong/],
    ["GB", "GB980780685", null, /UK VAT number.*check digit is wrong/],
    ["XI", "XI980780685", null, /Northern Ireland VAT number.*check digit is wrong/],
    ["CH", "CHE-100.155.211", null, /Swiss.*check digit is wrong/],
    ["NO", "NO 995 525 829 MVA", null, /Norwegian.*check digit is wrong/],
    ["CA", "123026636", "CA", /Canadian Business Number.*check digit is wrong/],
    ["AU", "83 914 571 674", "AU", /Australian Business Number.*check digit is wrong/],
  ])("%s: a wrong check digit is refused, saying so", (_name, raw, hint, message) => {
    const error = refusal(() => normalizeTaxId(raw, { countryHint: hint }))
    expect(error.field).toBe("tax_id")
    expect(error.problem).toBe("check_digit")
    expect(error.message).toMatch(message)
    expect(error.message).not.toMatch(/format/)
  })

  it.each([
    ["DE with 8 digits", "DE12345678", null, /German VAT number \(USt-IdNr\.\): its format is wrong \(expected DE followed by 9 digits\)/],
    ["AT without U", "ATX1358562", null, /Austrian VAT number \(UID\): its format is wrong/],
    ["GB with 8 digits", "GB98078068", null, /UK VAT number: its format is wrong/],
    ["US EIN with an unassigned prefix", "00-3456789", "US", /EIN.*format is wrong/],
    ["US EIN with 8 digits", "12345678", "US", /EIN.*format is wrong/],
    ["DE from tax_country, letters", "ABC", "DE", /German VAT number \(USt-IdNr\.\): its format is wrong/],
  ])("%s: a bad format is refused, saying so", (_name, raw, hint, message) => {
    const error = refusal(() => normalizeTaxId(raw, { countryHint: hint }))
    expect(error.problem).toBe("format")
    expect(error.message).toMatch(message)
    expect(error.message).not.toMatch(/check digit/)
  })

  it("a number read by a prefix suggests tax_country when it fails", () => {
    const error = refusal(() => normalizeTaxId("DEM680524P76"))
    expect(error.message).toMatch(/German VAT number.*from another country, give tax_country/)
    // With the country that issued it, the same letters are not a prefix.
    expect(normalizeTaxId("DEM680524P76", { countryHint: "MX" })).toEqual({
      tax_id: "DEM680524P76",
      tax_id_country: "MX",
      status: "unchecked",
      vies_country_code: null,
      vies_vat_number: null,
    })
  })

  it("a prefix that validates wins over a different tax_country (a foreign VAT registration)", () => {
    expect(normalizeTaxId("DE136695976", { countryHint: "FR" })).toEqual(
      expect.objectContaining({ tax_id: "DE136695976", tax_id_country: "DE" })
    )
  })

  it.each([
    ["a country without a validator", "12.345.678/0001-95", "BR", "12345678/000195", "BR"],
    ["no country at all", "123 456 789", null, "123456789", null],
    ["letters that are no known prefix", "zz-12345", null, "ZZ12345", null],
  ])("keeps %s compact with status unchecked", (_name, raw, hint, canonical, country) => {
    expect(normalizeTaxId(raw, { countryHint: hint })).toEqual({
      tax_id: canonical,
      tax_id_country: country,
      status: "unchecked",
      vies_country_code: null,
      vies_vat_number: null,
    })
  })

  it("keeps today's hygiene rules", () => {
    expect(refusal(() => normalizeTaxId("DE#123")).problem).toBe("characters")
    expect(refusal(() => normalizeTaxId("DE\u0000136695976")).problem).toBe("characters")
    expect(refusal(() => normalizeTaxId("DE\t136695976")).problem).toBe("characters")
    expect(refusal(() => normalizeTaxId("DE\u202e136695976")).problem).toBe("characters")
    expect(refusal(() => normalizeTaxId("A".repeat(33))).problem).toBe("length")
    expect(refusal(() => normalizeTaxId("1".repeat(65))).problem).toBe("length")
    expect(refusal(() => normalizeTaxId("---")).problem).toBe("format")
    expect(normalizeTaxId("   ")).toBeNull()
    // 32 characters after compaction are fine, spaces aside.
    expect(normalizeTaxId(`${"1".repeat(16)} ${"2".repeat(16)}`)?.tax_id).toHaveLength(32)
  })

  it("messages say what is wrong without a field name; callers add theirs", () => {
    const error = refusal(() => normalizeTaxId("DE136695978"))
    expect(error.messageFor("unsafe_metadata.tax_id")).toMatch(
      /^unsafe_metadata\.tax_id is not a valid German VAT number \(USt-IdNr\.\): its check digit is wrong/
    )
  })
})

describe("normalizeTaxCountry", () => {
  it.each([
    ["de", "DE"],
    [" Gr ", "GR"],
    ["EL", "GR"],
    ["uk", "GB"],
    ["", null],
    [null, null],
  ])("%j → %j", (raw, expected) => {
    expect(normalizeTaxCountry(raw)).toBe(expected)
  })

  it.each([["DEU"], ["ZZ"], ["EU"], ["1A"], [12], ["QQ"]])("refuses %j naming tax_country", (raw) => {
    const error = refusal(() => normalizeTaxCountry(raw))
    expect(error.field).toBe("tax_country")
    expect(error.message).toMatch(/^tax_country /)
  })
})

describe("canonicalizeStoredTaxId (data migration)", () => {
  it.each([
    ["DE 136 695 976", "DE136695976", "DE", "format_valid"],
    ["GR 094259216", "EL094259216", "GR", "format_valid"],
    ["US 333", "US333", null, "unchecked"],
    ["DE 123", "DE123", "DE", "format_invalid"],
    ["DE136695978", "DE136695978", "DE", "format_invalid"],
    ["FR-222", "FR222", "FR", "format_invalid"],
    ["GR 123", "EL123", "GR", "format_invalid"],
    ["NL 8123.45.678.B01", "NL812345678B01", "NL", "format_valid"],
    ["---", null, null, null],
  ])("%j → %j (%s, %s)", (stored, tax_id, country, status) => {
    expect(canonicalizeStoredTaxId(stored)).toEqual({
      tax_id,
      tax_id_country: country,
      tax_id_status: status,
    })
  })
})
