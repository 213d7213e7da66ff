import { companyNameCore, registeredNameMatches } from ".."

describe("registeredNameMatches (autoVerify vies_name_match)", () => {
  it.each([
    ["ACME GMBH", "Acme GmbH"],
    ["Acme S.A.", "ACME SA"],
    ["GLOBEX BV", "Globex B.V."],
    ["Müller & Söhne GmbH & Co. KG", "MULLER & SOHNE"],
    ["FIRMA HANDLOWA SP. Z O.O.", "Firma Handlowa"],
    ["Initech Ltd", "Initech Limited"],
    ["Société Générale SARL", "societe generale"],
    ["  acme   gmbh ", "Acme"],
  ])("%j matches %j", (registered, given) => {
    expect(registeredNameMatches(registered, given)).toBe(true)
  })

  it.each([
    ["a longer name (near miss)", "ACME TRADING GMBH", "Acme GmbH"],
    ["a different name", "GLOBEX BV", "Acme BV"],
    ["an undisclosed name", "---", "Acme GmbH"],
    ["no registered name", null, "Acme GmbH"],
    ["no company name", "ACME GMBH", null],
    ["a legal form alone", "GMBH", "AG"],
  ])("%s does not match", (_name, registered, given) => {
    expect(registeredNameMatches(registered, given)).toBe(false)
  })

  it("drops legal forms only at the end", () => {
    expect(companyNameCore("AG Holding AG")).toEqual(["ag", "holding"])
  })
})
