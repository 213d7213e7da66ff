import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125214512 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "quote_request" ("id" text not null, "customer_id" text not null, "status" text check ("status" in ('requested', 'quoted', 'accepted', 'rejected', 'expired')) not null default 'requested', "message" text null, "admin_note" text null, "expires_at" timestamptz null, "region_id" text not null, "currency_code" text not null, "sales_channel_id" text not null, "cart_id" text null, "rejected_by" text check ("rejected_by" in ('customer', 'admin')) null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "quote_request_pkey" primary key ("id"), constraint CHK_quote_request_rejected_by check ((status = 'rejected') = (rejected_by IS NOT NULL)), constraint CHK_quote_request_accepted_has_cart check (status <> 'accepted' OR cart_id IS NOT NULL));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_quote_request_deleted_at" ON "quote_request" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_quote_request_customer_id_status" ON "quote_request" ("customer_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_quote_request_status" ON "quote_request" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "quote_request_item" ("id" text not null, "variant_id" text not null, "quantity" integer not null, "quoted_unit_price" numeric null, "title" text not null, "sku" text null, "quote_request_id" text not null, "raw_quoted_unit_price" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "quote_request_item_pkey" primary key ("id"), constraint CHK_quote_request_item_quantity_positive check (quantity > 0), constraint CHK_quote_request_item_price_not_negative check (quoted_unit_price IS NULL OR quoted_unit_price >= 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_quote_request_item_quote_request_id" ON "quote_request_item" ("quote_request_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_quote_request_item_deleted_at" ON "quote_request_item" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "quote_request_item" add constraint "quote_request_item_quote_request_id_foreign" foreign key ("quote_request_id") references "quote_request" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "quote_request_item" drop constraint if exists "quote_request_item_quote_request_id_foreign";`);

    this.addSql(`drop table if exists "quote_request" cascade;`);

    this.addSql(`drop table if exists "quote_request_item" cascade;`);
  }

}
