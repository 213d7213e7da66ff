import { Migration } from "@medusajs/framework/mikro-orm/migrations";
import { canonicalizeStoredTaxId } from "../../../utils/tax-id/normalize-tax-id";

// Tax IDs by country (DESIGN §11), part 2 of 2: a data migration, written by
// hand after `medusa plugin:db:generate` made part 1.
//
// Every stored tax ID (soft-deleted rows too) is rewritten to its canonical
// form ("DE 123 456 789" -> "DE123456789", "GR…" -> "EL…") with its country
// and status: `format_valid`, `unchecked`, or `format_invalid` for numbers
// that fail their country's rules (kept, so the admin sees them; a sync
// would now refuse them). Verification (is_verified, verified_at,
// verified_by) and updated_at are left alone: rule 5.3 compares canonical
// forms, so the next sync of the same number is no change. Then the
// constraints for the canonical form are added.
export class Migration20261130003739 extends Migration {

  override async up(): Promise<void> {
    const rows = (await this.execute(
      `select "id", "tax_id" from "customer_meta" where "tax_id" is not null`
    )) as { id: string; tax_id: string }[];
    for (const row of rows) {
      const canonical = canonicalizeStoredTaxId(row.tax_id);
      await this.execute(
        `update "customer_meta" set "tax_id" = ?, "tax_id_country" = ?, "tax_id_status" = ? where "id" = ?`,
        [canonical.tax_id, canonical.tax_id_country, canonical.tax_id_status, row.id]
      );
    }

    this.addSql(`alter table if exists "customer_meta" add constraint CHK_customer_meta_tax_id_canonical check(tax_id IS NULL OR tax_id ~ '^[A-Z0-9][A-Z0-9/]{0,31}\$');`);
    this.addSql(`alter table if exists "customer_meta" add constraint CHK_customer_meta_tax_id_status_with_tax_id check((tax_id IS NULL) = (tax_id_status IS NULL));`);
    this.addSql(`alter table if exists "customer_meta" add constraint CHK_customer_meta_tax_id_country_iso check(tax_id_country IS NULL OR (tax_id IS NOT NULL AND tax_id_country ~ '^[A-Z]{2}\$'));`);
  }

  override async down(): Promise<void> {
    // Canonical tax IDs also satisfy the old format constraint: no data to undo.
    this.addSql(`alter table if exists "customer_meta" drop constraint if exists CHK_customer_meta_tax_id_canonical;`);
    this.addSql(`alter table if exists "customer_meta" drop constraint if exists CHK_customer_meta_tax_id_status_with_tax_id;`);
    this.addSql(`alter table if exists "customer_meta" drop constraint if exists CHK_customer_meta_tax_id_country_iso;`);
  }

}
