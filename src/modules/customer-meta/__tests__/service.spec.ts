import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { testDbName } from "../../../../integration-tests/helpers/db-name"
import { CUSTOMER_META_MODULE } from ".."
import CustomerMeta from "../models/customer-meta"
import CustomerMetaModuleService from "../service"

jest.setTimeout(60 * 1000)

// No Clerk key: the role module never needs one.
const moduleOptions = {
  businessGroupName: "B2B verified",
}

moduleIntegrationTestRunner<CustomerMetaModuleService>({
  moduleName: CUSTOMER_META_MODULE,
  dbName: testDbName("customer-meta-module"),
  moduleModels: [CustomerMeta],
  resolve: "./src/modules/customer-meta",
  moduleOptions,
  testSuite: ({ service }) => {
    const business = (overrides: Record<string, unknown> = {}) =>
      service.createCustomerMetas({
        customer_id: "cus_business",
        clerk_user_id: "user_business",
        account_type: "business",
        company_name: "Acme GmbH",
        tax_id: "DE136695976",
        tax_id_country: "DE",
        tax_id_status: "format_valid",
        ...overrides,
      })

    describe("model", () => {
      it("prefixes ids with cmeta_ and defaults to an unverified individual", async () => {
        const meta = await service.createCustomerMetas({ customer_id: "cus_1", clerk_user_id: "user_1" })
        expect(meta.id).toMatch(/^cmeta_/)
        expect(meta).toEqual(
          expect.objectContaining({
            account_type: "individual",
            is_verified: false,
            company_name: null,
            tax_id: null,
            verified_at: null,
            verified_by: null,
          })
        )
      })

      it("keeps customer_id and clerk_user_id unique among live rows, and frees them on soft delete", async () => {
        const first = await business()
        await expect(business({ clerk_user_id: "user_other" })).rejects.toThrow()
        await expect(business({ customer_id: "cus_other" })).rejects.toThrow()

        await service.softDeleteCustomerMetas(first.id)
        const again = await business()
        expect(again.id).not.toBe(first.id)
      })

      it.each([
        ["an individual with a company", { account_type: "individual", company_name: "Acme", tax_id: null, tax_id_country: null, tax_id_status: null }],
        ["a business without a company", { company_name: null }],
        ["a business with an empty company", { company_name: "" }],
        ["a verified individual", { account_type: "individual", company_name: null, tax_id: null, tax_id_country: null, tax_id_status: null, is_verified: true }],
        ["a lower-case tax ID", { tax_id: "de123" }],
        ["a tax ID that is not canonical (spaces)", { tax_id: "DE 123" }],
        ["a tax ID that is not canonical (dashes)", { tax_id: "FR-222" }],
        ["a tax ID over 32 characters", { tax_id: "A".repeat(33) }],
        ["a tax ID without a status", { tax_id_status: null }],
        ["a status without a tax ID", { tax_id: null, tax_id_country: null }],
        ["an unknown tax ID status", { tax_id_status: "maybe" }],
        ["a tax ID country that is no ISO code", { tax_id_country: "DEU" }],
        ["an unknown account type", { account_type: "admin" }],
      ])("the database refuses %s", async (_name, overrides) => {
        await expect(business(overrides)).rejects.toThrow()
        expect(await service.listCustomerMetas({})).toHaveLength(0)
      })
    })

    describe("lookups", () => {
      beforeEach(async () => {
        await business()
        await service.createCustomerMetas({ customer_id: "cus_individual", clerk_user_id: "user_individual" })
        await business({
          customer_id: "cus_verified",
          clerk_user_id: "user_verified",
          company_name: "Verified AG",
          is_verified: true,
          verified_at: new Date(),
          verified_by: "user_admin",
        })
      })

      it("finds a role by customer id and by Clerk user id", async () => {
        expect((await service.retrieveByCustomerId("cus_business"))?.clerk_user_id).toBe("user_business")
        expect((await service.retrieveByClerkUserId("user_business"))?.customer_id).toBe("cus_business")
        expect(await service.retrieveByCustomerId("cus_missing")).toBeNull()
        expect(await service.retrieveByClerkUserId("")).toBeNull()
      })

      it("answers the helper questions", async () => {
        expect(await service.getCustomerAccountType("cus_business")).toBe("business")
        expect(await service.getCustomerAccountType("cus_individual")).toBe("individual")
        expect(await service.getCustomerAccountType("cus_missing")).toBeNull()

        expect(await service.isBusinessCustomer("cus_business")).toBe(true)
        expect(await service.isBusinessCustomer("cus_individual")).toBe(false)
        expect(await service.isBusinessCustomer("cus_missing")).toBe(false)

        expect(await service.isVerifiedCustomer("cus_verified")).toBe(true)
        expect(await service.isVerifiedCustomer("cus_business")).toBe(false)
        expect(await service.isVerifiedCustomer("cus_individual")).toBe(false)

        expect(await service.getCompanyName("cus_verified")).toBe("Verified AG")
        expect(await service.getCompanyName("cus_individual")).toBeNull()
      })

      it("ignores soft-deleted rows", async () => {
        const meta = await service.retrieveByCustomerId("cus_verified")
        await service.softDeleteCustomerMetas(meta!.id)
        expect(await service.isVerifiedCustomer("cus_verified")).toBe(false)
        expect(await service.retrieveByClerkUserId("user_verified")).toBeNull()
      })
    })

    describe("options", () => {
      it("exposes its own options, and boots without any Clerk option", () => {
        expect(service.getOptions()).toEqual({ businessGroupName: "B2B verified" })
      })
    })
  },
})
