import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261130004809 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_meta" add column if not exists "active_company_id" text null, add column if not exists "active_company_name" text null, add column if not exists "active_company_role" text check ("active_company_role" in ('admin', 'buyer', 'member')) null, add column if not exists "active_company_verified" boolean not null default false;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_meta_active_company_id" ON "customer_meta" ("active_company_id") WHERE deleted_at IS NULL AND active_company_id IS NOT NULL;`);
    this.addSql(`alter table if exists "customer_meta" add constraint CHK_customer_meta_active_company_complete check((active_company_id IS NULL) = (active_company_role IS NULL) AND (active_company_id IS NOT NULL OR active_company_verified = false));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_customer_meta_active_company_id";`);
    this.addSql(`alter table if exists "customer_meta" drop constraint if exists CHK_customer_meta_active_company_complete;`);
    this.addSql(`alter table if exists "customer_meta" drop column if exists "active_company_id", drop column if exists "active_company_name", drop column if exists "active_company_role", drop column if exists "active_company_verified";`);
  }

}
