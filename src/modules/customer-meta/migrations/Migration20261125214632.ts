import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125214632 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_meta" add column if not exists "clerk_updated_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "customer_meta" drop column if exists "clerk_updated_at";`);
  }

}
