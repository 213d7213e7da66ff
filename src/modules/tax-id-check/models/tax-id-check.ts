import { model } from "@medusajs/framework/utils"

/** Whose tax ID a check is about: a customer's role now, a company later. */
export const TAX_ID_CHECK_OWNER_TYPES = ["customer_meta", "company"] as const
/** A check's state: VIES has not answered yet / answered valid / answered invalid. */
export const TAX_ID_CHECK_STATUSES = ["pending", "valid", "invalid"] as const

/**
 * One VIES check of one number for one owner (DESIGN §11.3), with its retry
 * state and the evidence VIES gave. A new number or "check again" makes a
 * new row, so earlier evidence (a consultation number is proof of a check on
 * a date) is kept.
 */
const TaxIdCheck = model
  .define("tax_id_check", {
    id: model.id({ prefix: "taxchk" }).primaryKey(),
    owner_type: model.enum([...TAX_ID_CHECK_OWNER_TYPES]),
    owner_id: model.text(),
    // The canonical tax ID checked (e.g. DE136695976).
    tax_id: model.text(),
    // What VIES was asked: member-state code (EL for Greece, XI for
    // Northern Ireland) and the number without it.
    country_code: model.text(),
    vat_number: model.text(),
    status: model.enum([...TAX_ID_CHECK_STATUSES]).default("pending"),
    // Calls made to VIES for this check.
    attempts: model.number().default(0),
    // When the retry job may call VIES next; null: no automatic retry
    // (answered, given up after the maximum, or replaced by a newer check).
    next_attempt_at: model.dateTime().nullable(),
    last_attempt_at: model.dateTime().nullable(),
    // Why the last attempt got no answer (MS_UNAVAILABLE, TIMEOUT, …).
    fault_code: model.text().nullable(),
    fault_message: model.text().nullable(),
    // Evidence of a definite answer.
    checked_at: model.dateTime().nullable(),
    request_date: model.text().nullable(),
    consultation_number: model.text().nullable(),
    requester_vat_id: model.text().nullable(),
    registered_name: model.text().nullable(),
    registered_address: model.text().nullable(),
    // "system" when a number was set or changed; the admin user id for
    // "check again".
    requested_by: model.text().nullable(),
  })
  .indexes([
    {
      name: "IDX_tax_id_check_owner",
      on: ["owner_type", "owner_id"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_tax_id_check_due",
      on: ["next_attempt_at"],
      where: "deleted_at IS NULL AND status = 'pending' AND next_attempt_at IS NOT NULL",
    },
  ])
  .checks([
    {
      name: "CHK_tax_id_check_attempts",
      expression: (columns) => `${columns.attempts} >= 0`,
    },
    {
      // An answer is evidence only with its time.
      name: "CHK_tax_id_check_answer_has_time",
      expression: (columns) =>
        `${columns.status} = 'pending' OR ${columns.checked_at} IS NOT NULL`,
    },
  ])

export default TaxIdCheck
