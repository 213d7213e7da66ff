import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { testDbName } from "../../../../integration-tests/helpers/db-name"
import { CUSTOMER_META_MODULE } from ".."
import CustomerMeta from "../models/customer-meta"
import CustomerMetaModuleService from "../service"

jest.setTimeout(60 * 1000)

// The last migration before tax IDs were checked by country.
const BEFORE_TAX_IDS = "Migration20261125214632"

/**
 * The tax ID migrations (Migration20261130003738 and …739) against a
 * database built from the committed migrations: taken back to the schema
 * before them, filled with rows as the old code stored them, migrated up
 * again by Medusa's own migrator.
 */
moduleIntegrationTestRunner<CustomerMetaModuleService>({
  moduleName: CUSTOMER_META_MODULE,
  dbName: testDbName("customer-meta-migration"),
  moduleModels: [CustomerMeta],
  resolve: "./src/modules/customer-meta",
  pathToMigrations: "./src/modules/customer-meta/migrations",
  moduleOptions: {
    secretKey: "sk_test_module",
    authorizedParties: ["http://localhost:3000"],
  },
  testSuite: ({ MikroOrmWrapper }) => {
    const sql = (query: string, params: unknown[] = []) =>
      MikroOrmWrapper.getManager().getConnection().execute(query, params)

    const verifiedAt = new Date("2026-11-01T10:00:00.000Z")
    const updatedAt = new Date("2026-11-02T10:00:00.000Z")
    const legacy = [
      // id, tax_id as stored before, is_verified
      ["cmeta_de", "DE 136 695 976", true],
      ["cmeta_gr", "GR 094259216", true],
      ["cmeta_nl", "NL 8123.45.678.B01", false],
      ["cmeta_bad", "DE 123", true],
      ["cmeta_us", "US 333", true],
      ["cmeta_none", null, false],
    ] as const

    it("rewrites stored tax IDs to the canonical form, with country and status, and resets no verification", async () => {
      const migrator = MikroOrmWrapper.getOrm().getMigrator()
      await migrator.down({ to: BEFORE_TAX_IDS })
      const columns = (await sql(
        `select column_name from information_schema.columns where table_name = 'customer_meta'`
      )) as { column_name: string }[]
      expect(columns.map((c) => c.column_name)).not.toContain("tax_id_status")

      for (const [id, taxId, verified] of legacy) {
        await sql(
          `insert into customer_meta (id, customer_id, clerk_user_id, account_type, company_name, tax_id, is_verified, verified_at, verified_by, updated_at)
           values (?, ?, ?, 'business', 'Acme GmbH', ?, ?, ?, ?, ?)`,
          [id, `cus_${id}`, `user_${id}`, taxId, verified, verified ? verifiedAt : null, verified ? "user_admin" : null, updatedAt]
        )
      }
      // A soft-deleted row must satisfy the new constraints too.
      await sql(
        `insert into customer_meta (id, customer_id, clerk_user_id, account_type, company_name, tax_id, deleted_at)
         values ('cmeta_gone', 'cus_gone', 'user_gone', 'business', 'Gone Ltd', 'FR-222', now())`
      )

      await migrator.up()

      const rows = (await sql(
        `select id, tax_id, tax_id_country, tax_id_status, is_verified, verified_at, verified_by, updated_at
           from customer_meta order by id`
      )) as any[]
      const byId = Object.fromEntries(rows.map((r) => [r.id, r]))
      expect(byId.cmeta_de).toEqual(expect.objectContaining({ tax_id: "DE136695976", tax_id_country: "DE", tax_id_status: "format_valid" }))
      expect(byId.cmeta_gr).toEqual(expect.objectContaining({ tax_id: "EL094259216", tax_id_country: "GR", tax_id_status: "format_valid" }))
      expect(byId.cmeta_nl).toEqual(expect.objectContaining({ tax_id: "NL812345678B01", tax_id_country: "NL", tax_id_status: "format_valid" }))
      expect(byId.cmeta_bad).toEqual(expect.objectContaining({ tax_id: "DE123", tax_id_country: "DE", tax_id_status: "format_invalid" }))
      expect(byId.cmeta_us).toEqual(expect.objectContaining({ tax_id: "US333", tax_id_country: null, tax_id_status: "unchecked" }))
      expect(byId.cmeta_none).toEqual(expect.objectContaining({ tax_id: null, tax_id_country: null, tax_id_status: null }))
      expect(byId.cmeta_gone).toEqual(expect.objectContaining({ tax_id: "FR222", tax_id_status: "format_invalid" }))

      // Verification and updated_at untouched.
      for (const [id, , verified] of legacy) {
        expect(byId[id].is_verified).toBe(verified)
        expect(byId[id].verified_by).toBe(verified ? "user_admin" : null)
        const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null)
        expect(iso(byId[id].verified_at)).toBe(verified ? verifiedAt.toISOString() : null)
        expect(iso(byId[id].updated_at)).toBe(updatedAt.toISOString())
      }

      // The canonical constraints hold from now on.
      await expect(sql(`update customer_meta set tax_id = 'DE 136 695 976' where id = 'cmeta_de'`)).rejects.toThrow(
        /CHK_customer_meta_tax_id_canonical/i
      )
      await expect(sql(`update customer_meta set tax_id_status = null where id = 'cmeta_de'`)).rejects.toThrow(
        /CHK_customer_meta_tax_id_status_with_tax_id/i
      )
    })

    it("migrates down again to the old format constraint", async () => {
      const migrator = MikroOrmWrapper.getOrm().getMigrator()
      await migrator.down({ to: BEFORE_TAX_IDS })
      await sql(
        `insert into customer_meta (id, customer_id, clerk_user_id, account_type, company_name, tax_id)
         values ('cmeta_old', 'cus_old', 'user_old', 'business', 'Old GmbH', 'DE 123')`
      )
      await expect(
        sql(
          `insert into customer_meta (id, customer_id, clerk_user_id, account_type, company_name, tax_id)
           values ('cmeta_lower', 'cus_lower', 'user_lower', 'business', 'Lower GmbH', 'de 123')`
        )
      ).rejects.toThrow(/CHK_customer_meta_tax_id_format/i)
      await migrator.up()
      const [row] = (await sql(`select tax_id, tax_id_status from customer_meta where id = 'cmeta_old'`)) as any[]
      expect(row).toEqual({ tax_id: "DE123", tax_id_status: "format_invalid" })
    })
  },
})
