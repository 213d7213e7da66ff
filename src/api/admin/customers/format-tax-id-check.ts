import type { TaxIdCheckDTO } from "../../../modules/tax-id-check/types"
import type { AdminTaxIdCheck } from "../../../types/tax-id"

/**
 * A VIES check as the admin sees it: the verdict with its evidence, and the
 * retry state. Times are ISO strings; `max_attempts` is the store's
 * `vies.maxAttempts`, so "3 of 10 tries" can be shown.
 */
export function formatAdminTaxIdCheck(check: TaxIdCheckDTO, maxAttempts: number): AdminTaxIdCheck {
  const iso = (value: Date | string | null | undefined) =>
    value ? new Date(value).toISOString() : null
  return {
    id: check.id,
    tax_id: check.tax_id,
    country_code: check.country_code,
    vat_number: check.vat_number,
    status: check.status,
    checked_at: iso(check.checked_at),
    request_date: check.request_date ?? null,
    consultation_number: check.consultation_number ?? null,
    requester_vat_id: check.requester_vat_id ?? null,
    registered_name: check.registered_name ?? null,
    registered_address: check.registered_address ?? null,
    attempts: check.attempts,
    max_attempts: maxAttempts,
    next_attempt_at: iso(check.next_attempt_at),
    last_attempt_at: iso(check.last_attempt_at),
    fault_code: check.fault_code ?? null,
    fault_message: check.fault_message ?? null,
    requested_by: check.requested_by ?? null,
    created_at: iso(check.created_at),
  }
}
