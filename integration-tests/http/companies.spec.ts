import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { testDbName } from "../helpers/db-name"
import { useOfflineClerk } from "../helpers/clerk"
import { collectEvents, createStoreContext, httpClient, settle } from "../helpers/medusa"

jest.setTimeout(180 * 1000)

const clerk = useOfflineClerk()

medusaIntegrationTestRunner({
  dbName: testDbName("companies"),
  env: clerk.env,
  testSuite: ({ api, getContainer }) => {
    const http = () => httpClient(api)
    let pk: string

    beforeEach(async () => {
      pk = (await createStoreContext(getContainer())).publishableKey
      clerk.clerk.setMode("ok")
      clerk.clerk.resetRequests()
    })

    const companyService = () => getContainer().resolve("roleSyncCompany") as any
    const metaService = () => getContainer().resolve("roleSyncCustomerMeta") as any
    const signIn = async (userId: string) => {
      const res = await http()("POST", "/auth/customer/clerk", { body: { token: clerk.token(userId) } })
      expect(res.status).toBe(200)
      return res.data.token as string
    }
    const sync = (token: string, body?: unknown) =>
      http()("POST", "/store/customers/sync-role", { token, pk, body })

    describe("POST /store/customers/sync-role with organizations", () => {
      it("creates the company with its own customer group, records the member with its role, and answers company and companies; two Clerk calls", async () => {
        const org = clerk.organization("Acme GmbH")
        const events = collectEvents(getContainer(), ["company.created", "company.member_added"])
        const user = clerk.user({ unsafeMetadata: {} })
        const membership = clerk.clerk.setMembership(org.id, user.id, "org:admin")
        const token = await signIn(user.id)
        clerk.clerk.resetRequests()

        const res = await sync(token)

        expect(res.status).toBe(200)
        expect(clerk.clerk.count()).toBe(2)
        const [company] = await companyService().listCompanies({ clerk_organization_id: org.id })
        expect(company).toEqual(
          expect.objectContaining({ id: expect.stringMatching(/^comp_/), name: "Acme GmbH", is_verified: false, customer_group_id: expect.stringMatching(/^cusgroup_/) })
        )
        const group = await getContainer().resolve(Modules.CUSTOMER).retrieveCustomerGroup(company.customer_group_id)
        expect(group.metadata).toEqual(expect.objectContaining({ managed_by: "medusa-plugin-role-sync", company_id: company.id }))
        const summary = { id: company.id, name: "Acme GmbH", role: "admin", is_verified: false, clerk_organization_id: org.id }
        expect(res.data.company).toEqual(summary)
        expect(res.data.companies).toEqual([summary])
        expect(res.data.customer_meta).toEqual(
          expect.objectContaining({ account_type: "individual", active_company_id: company.id, active_company_role: "admin", active_company_verified: false })
        )
        const members = await companyService().listCompanyMembers({ company_id: company.id })
        expect(members).toEqual([
          expect.objectContaining({ customer_id: res.data.customer.id, clerk_user_id: user.id, clerk_membership_id: membership.id, role: "admin", clerk_role: "org:admin" }),
        ])
        for (let i = 0; i < 40 && events.seen.length < 2; i++) await settle(50)
        expect(events.seen).toEqual(
          expect.arrayContaining([
            { name: "company.created", data: { id: company.id } },
            { name: "company.member_added", data: { id: members[0].id, company_id: company.id, customer_id: res.data.customer.id } },
          ])
        )
        events.stop()
      })

      it("concurrent first syncs of several members of one new organization create exactly one company", async () => {
        const org = clerk.organization("Parallel AG")
        const users = Array.from({ length: 6 }, (_, i) => {
          const user = clerk.user({})
          clerk.clerk.setMembership(org.id, user.id, i === 0 ? "org:admin" : "org:member")
          return user
        })
        const tokens = await Promise.all(users.map((u) => signIn(u.id)))
        const results = await Promise.all(tokens.map((t) => sync(t)))
        expect(results.map((r) => r.status)).toEqual(Array(6).fill(200))
        const companies = await companyService().listCompanies({ clerk_organization_id: org.id })
        expect(companies).toHaveLength(1)
        expect(new Set(results.map((r) => r.data.company.id))).toEqual(new Set([companies[0].id]))
        const members = await companyService().listCompanyMembers({ company_id: companies[0].id })
        expect(members).toHaveLength(6)
        const groups = await getContainer().resolve(Modules.CUSTOMER).listCustomerGroups({ name: `Parallel AG (company ${org.id})` })
        expect(groups).toHaveLength(1)
      })

      it("organization_id chooses among real memberships; another id is a 403 that writes nothing", async () => {
        const a = clerk.organization("Alpha KG")
        const b = clerk.organization("Beta SE")
        const user = clerk.user({})
        clerk.clerk.setMembership(a.id, user.id, "org:admin", { createdAt: Date.now() - 10_000 })
        clerk.clerk.setMembership(b.id, user.id, "org:member")
        const token = await signIn(user.id)

        const first = await sync(token)
        expect(first.status).toBe(200)
        expect(first.data.company.name).toBe("Alpha KG") // the oldest
        expect(first.data.companies.map((c: any) => c.name).sort()).toEqual(["Alpha KG", "Beta SE"])

        const chosen = await sync(token, { organization_id: b.id })
        expect(chosen.status).toBe(200)
        expect(chosen.data.company).toEqual(expect.objectContaining({ name: "Beta SE", role: "buyer" }))

        const again = await sync(token)
        expect(again.data.company.name).toBe("Beta SE") // the one active before

        const stranger = clerk.organization("Gamma Ltd")
        const before = await metaService().listCustomerMetas({ customer_id: first.data.customer.id })
        const refused = await sync(token, { organization_id: stranger.id })
        expect(refused.status).toBe(403)
        expect(refused.data.message).toMatch(stranger.id)
        const after = await metaService().listCustomerMetas({ customer_id: first.data.customer.id })
        expect(after[0].active_company_id).toBe(before[0].active_company_id)
        expect(await companyService().listCompanies({ clerk_organization_id: stranger.id })).toHaveLength(0)

        const bad = await sync(token, { organization_id: 42 })
        expect(bad.status).toBe(400)
        expect(bad.data.message).toMatch(/organization_id/)
      })
    })
  },
})
