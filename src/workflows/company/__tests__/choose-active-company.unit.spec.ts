import { chooseActiveCompany } from "../utils/choose-active-company"

const m = (company_id: string, clerk_organization_id: string, joined: number) => ({
  company_id,
  clerk_organization_id,
  joined_at: new Date(joined),
})

describe("chooseActiveCompany (DESIGN §10 rule 2)", () => {
  const a = m("comp_a", "org_a", 3000)
  const b = m("comp_b", "org_b", 1000)
  const c = m("comp_c", "org_c", 2000)

  it("takes the organization asked for, among real memberships only", () => {
    expect(chooseActiveCompany([a, b, c], { requestedOrganizationId: "org_c", previousCompanyId: "comp_a" })).toBe(c)
    expect(() => chooseActiveCompany([a, b], { requestedOrganizationId: "org_x" })).toThrow(/org_x is not an organization you are a member of/)
    expect(() => chooseActiveCompany([], { requestedOrganizationId: "org_x" })).toThrow()
  })

  it("else the only one, else the one active before, else the oldest", () => {
    expect(chooseActiveCompany([a], { previousCompanyId: "comp_gone" })).toBe(a)
    expect(chooseActiveCompany([a, b, c], { previousCompanyId: "comp_c" })).toBe(c)
    expect(chooseActiveCompany([a, b, c], { previousCompanyId: "comp_gone" })).toBe(b)
    expect(chooseActiveCompany([a, c], {})).toBe(c)
  })

  it("is null without memberships", () => {
    expect(chooseActiveCompany([], { previousCompanyId: "comp_a" })).toBeNull()
  })
})
