import { Migration } from "@medusajs/framework/mikro-orm/migrations";

// Existing quotes are numbered from the new sequence as the column is added.
export class Migration20261130011045 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "quote_request" add column if not exists "display_id" serial;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "quote_request" drop column if exists "display_id";`);
  }

}
