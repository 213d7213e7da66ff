import { mapOrganizationRole, resolveCompanyOptions } from "../options"

describe("company module options", () => {
  it("maps org:admin to admin and org:member to buyer by default, anything else to member", () => {
    const options = resolveCompanyOptions({})
    expect(mapOrganizationRole(options, "org:admin")).toBe("admin")
    expect(mapOrganizationRole(options, "org:member")).toBe("buyer")
    expect(mapOrganizationRole(options, "org:viewer")).toBe("member")
    expect(mapOrganizationRole(options, "")).toBe("member")
  })

  it("takes custom roles from organizationRoles", () => {
    const options = resolveCompanyOptions({ organizationRoles: { "org:viewer": "member", "org:purchaser": "buyer" } })
    expect(mapOrganizationRole(options, "org:purchaser")).toBe("buyer")
    expect(mapOrganizationRole(options, "org:admin")).toBe("admin")
  })

  it("refuses a store role that does not exist, naming the option and the Clerk role", () => {
    expect(() => resolveCompanyOptions({ organizationRoles: { "org:boss": "owner" as any } })).toThrow(
      /organizationRoles.*"org:boss".*admin, buyer, member/
    )
    expect(() => resolveCompanyOptions({ organizationRoles: [] as any })).toThrow(/organizationRoles/)
  })
})
