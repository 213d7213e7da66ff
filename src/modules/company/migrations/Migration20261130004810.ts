import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261130004810 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "company_member" drop constraint if exists "company_member_company_customer_unique";`);
    this.addSql(`alter table if exists "company" drop constraint if exists "company_clerk_organization_id_unique";`);
    this.addSql(`create table if not exists "company" ("id" text not null, "clerk_organization_id" text not null, "name" text not null, "tax_id" text null, "tax_id_country" text null, "country_code" text null, "is_verified" boolean not null default false, "verified_at" timestamptz null, "verified_by" text null, "customer_group_id" text null, "clerk_updated_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "company_pkey" primary key ("id"), constraint CHK_company_name_length check (length(name) BETWEEN 1 AND 255), constraint CHK_company_country_code check (country_code IS NULL OR country_code ~ '^[A-Z]{2}\$'), constraint CHK_company_verified_at check (is_verified = (verified_at IS NOT NULL)));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_company_deleted_at" ON "company" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_company_clerk_organization_id_unique" ON "company" ("clerk_organization_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_company_is_verified" ON "company" ("is_verified") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "company_member" ("id" text not null, "customer_id" text not null, "clerk_user_id" text not null, "clerk_membership_id" text not null, "role" text check ("role" in ('admin', 'buyer', 'member')) not null default 'member', "clerk_role" text not null, "joined_at" timestamptz not null, "clerk_updated_at" timestamptz null, "company_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "company_member_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_company_member_company_id" ON "company_member" ("company_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_company_member_deleted_at" ON "company_member" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_company_member_company_customer_unique" ON "company_member" ("company_id", "customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_company_member_customer_id" ON "company_member" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_company_member_clerk_user_id" ON "company_member" ("clerk_user_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_company_member_clerk_membership_id" ON "company_member" ("clerk_membership_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "company_member" add constraint "company_member_company_id_foreign" foreign key ("company_id") references "company" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "company_member" drop constraint if exists "company_member_company_id_foreign";`);

    this.addSql(`drop table if exists "company" cascade;`);

    this.addSql(`drop table if exists "company_member" cascade;`);
  }

}
