import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261130004808 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "quote_request" add column if not exists "company_id" text null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_quote_request_company_id_status" ON "quote_request" ("company_id", "status") WHERE deleted_at IS NULL AND company_id IS NOT NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_quote_request_company_id_status";`);
    this.addSql(`alter table if exists "quote_request" drop column if exists "company_id";`);
  }

}
