import { Migration } from "@medusajs/framework/mikro-orm/migrations";

// One quote per cart, found by an index: the guards on Medusa's cart routes
// look a cart's quote up by this server-owned column, never by cart metadata.
export class Migration20261130005430 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_quote_request_cart_id_unique" ON "quote_request" ("cart_id") WHERE cart_id IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_quote_request_cart_id_unique";`);
  }

}
