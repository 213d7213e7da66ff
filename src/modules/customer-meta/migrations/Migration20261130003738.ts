import { Migration } from "@medusajs/framework/mikro-orm/migrations";

// Tax IDs by country (DESIGN §11), part 1 of 2: the new columns. The old
// format constraint goes now; Migration20261130003739 rewrites existing tax
// IDs to the canonical form and then adds the new constraints.
export class Migration20261130003738 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_meta" drop constraint if exists CHK_customer_meta_tax_id_format;`);

    this.addSql(`alter table if exists "customer_meta" add column if not exists "tax_id_country" text null, add column if not exists "tax_id_status" text check ("tax_id_status" in ('unchecked', 'format_valid', 'format_invalid', 'pending', 'valid', 'invalid')) null, add column if not exists "tax_id_checked_at" timestamptz null, add column if not exists "tax_id_check_id" text null, add column if not exists "tax_id_flagged_at" timestamptz null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_meta_account_type_tax_id_status" ON "customer_meta" ("account_type", "tax_id_status") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_customer_meta_account_type_tax_id_status";`);
    this.addSql(`alter table if exists "customer_meta" drop column if exists "tax_id_country", drop column if exists "tax_id_status", drop column if exists "tax_id_checked_at", drop column if exists "tax_id_check_id", drop column if exists "tax_id_flagged_at";`);

    this.addSql(`alter table if exists "customer_meta" add constraint CHK_customer_meta_tax_id_format check(tax_id IS NULL OR tax_id ~ '^[A-Z0-9./-][A-Z0-9 ./-]{0,31}\$');`);
  }

}
