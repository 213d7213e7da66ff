import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { testDbName } from "../../../../integration-tests/helpers/db-name"
import { COMPANY_MODULE } from ".."
import Company from "../models/company"
import CompanyMember from "../models/company-member"
import CompanyModuleService from "../service"

jest.setTimeout(60 * 1000)

moduleIntegrationTestRunner<CompanyModuleService>({
  moduleName: COMPANY_MODULE,
  dbName: testDbName("company-module"),
  moduleModels: [Company, CompanyMember],
  resolve: "./src/modules/company",
  moduleOptions: { organizationRoles: { "org:purchaser": "buyer", "org:admin": "member" } },
  testSuite: ({ service }) => {
    const company = (overrides: Record<string, unknown> = {}) =>
      service.createCompanies({ clerk_organization_id: "org_1", name: "Acme GmbH", ...overrides } as any)
    const member = (companyId: string, overrides: Record<string, unknown> = {}) =>
      service.createCompanyMembers({
        company_id: companyId,
        customer_id: "cus_1",
        clerk_user_id: "user_1",
        clerk_membership_id: "orgmem_1",
        role: "buyer",
        clerk_role: "org:member",
        joined_at: new Date(),
        ...overrides,
      } as any)

    it("prefixes ids (comp_, cmem_) and starts unverified", async () => {
      const c = await company()
      expect(c.id).toMatch(/^comp_/)
      expect(c).toEqual(expect.objectContaining({ is_verified: false, verified_at: null, tax_id: null, customer_group_id: null }))
      expect((await member(c.id)).id).toMatch(/^cmem_/)
    })

    it("keeps one live company per organization and one live membership per company and customer; soft delete frees them", async () => {
      const c = await company()
      await expect(company({ name: "Twin" })).rejects.toThrow()
      await member(c.id)
      await expect(member(c.id, { clerk_membership_id: "orgmem_2" })).rejects.toThrow()
      // Another customer, or the same customer in another company, is fine.
      await member(c.id, { customer_id: "cus_2", clerk_user_id: "user_2", clerk_membership_id: "orgmem_3" })
      const other = await company({ clerk_organization_id: "org_2", name: "Other" })
      await member(other.id, { clerk_membership_id: "orgmem_4" })

      await service.softDeleteCompanies([c.id])
      const again = await company()
      expect(again.id).not.toBe(c.id)
    })

    it("refuses states the rules forbid: an empty or over-long name, a bad country, verified without a date", async () => {
      await expect(company({ name: "" })).rejects.toThrow()
      await expect(company({ name: "x".repeat(256) })).rejects.toThrow()
      await expect(company({ country_code: "de" })).rejects.toThrow()
      await expect(company({ is_verified: true })).rejects.toThrow()
      await expect(company({ is_verified: true, verified_at: new Date(), country_code: "DE" })).resolves.toBeTruthy()
    })

    it("maps Clerk roles: defaults, the organizationRoles option over them, unknown roles to member", () => {
      expect(service.mapClerkRole("org:member")).toBe("buyer")
      expect(service.mapClerkRole("org:purchaser")).toBe("buyer")
      expect(service.mapClerkRole("org:admin")).toBe("member") // mapped by the option
      expect(service.mapClerkRole("org:billing")).toBe("member")
    })

    it("moves watermarks only forward", async () => {
      const c = await company({ clerk_updated_at: new Date(2000) })
      await service.advanceCompanyWatermark(c.id, new Date(3000))
      await service.advanceCompanyWatermark(c.id, new Date(1000))
      const [row] = await service.listCompanies({ id: c.id })
      expect(new Date(row.clerk_updated_at as Date).getTime()).toBe(3000)
    })
  },
})
