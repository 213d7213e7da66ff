import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125213448 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_meta" drop constraint if exists "customer_meta_clerk_user_id_unique";`);
    this.addSql(`alter table if exists "customer_meta" drop constraint if exists "customer_meta_customer_id_unique";`);
    this.addSql(`create table if not exists "customer_meta" ("id" text not null, "customer_id" text not null, "clerk_user_id" text not null, "account_type" text check ("account_type" in ('individual', 'business')) not null default 'individual', "company_name" text null, "tax_id" text null, "is_verified" boolean not null default false, "verified_at" timestamptz null, "verified_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_meta_pkey" primary key ("id"), constraint CHK_customer_meta_individual_has_no_company check (account_type = 'business' OR (company_name IS NULL AND tax_id IS NULL)), constraint CHK_customer_meta_business_has_company check (account_type = 'individual' OR (company_name IS NOT NULL AND length(company_name) BETWEEN 1 AND 255)), constraint CHK_customer_meta_only_business_verified check (is_verified = false OR account_type = 'business'), constraint CHK_customer_meta_tax_id_format check (tax_id IS NULL OR tax_id ~ '^[A-Z0-9./-][A-Z0-9 ./-]{0,31}\$'));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_meta_deleted_at" ON "customer_meta" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_meta_customer_id_unique" ON "customer_meta" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_meta_clerk_user_id_unique" ON "customer_meta" ("clerk_user_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_meta_account_type_is_verified" ON "customer_meta" ("account_type", "is_verified") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_meta" cascade;`);
  }

}
