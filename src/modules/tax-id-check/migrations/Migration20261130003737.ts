import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261130003737 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "tax_id_check" ("id" text not null, "owner_type" text check ("owner_type" in ('customer_meta', 'company')) not null, "owner_id" text not null, "tax_id" text not null, "country_code" text not null, "vat_number" text not null, "status" text check ("status" in ('pending', 'valid', 'invalid')) not null default 'pending', "attempts" integer not null default 0, "next_attempt_at" timestamptz null, "last_attempt_at" timestamptz null, "fault_code" text null, "fault_message" text null, "checked_at" timestamptz null, "request_date" text null, "consultation_number" text null, "requester_vat_id" text null, "registered_name" text null, "registered_address" text null, "requested_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "tax_id_check_pkey" primary key ("id"), constraint CHK_tax_id_check_attempts check (attempts >= 0), constraint CHK_tax_id_check_answer_has_time check (status = 'pending' OR checked_at IS NOT NULL));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_tax_id_check_deleted_at" ON "tax_id_check" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_tax_id_check_owner" ON "tax_id_check" ("owner_type", "owner_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_tax_id_check_due" ON "tax_id_check" ("next_attempt_at") WHERE deleted_at IS NULL AND status = 'pending' AND next_attempt_at IS NOT NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "tax_id_check" cascade;`);
  }

}
