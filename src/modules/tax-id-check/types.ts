import type {
  TAX_ID_CHECK_OWNER_TYPES,
  TAX_ID_CHECK_STATUSES,
} from "./models/tax-id-check"

export type TaxIdCheckOwnerType = (typeof TAX_ID_CHECK_OWNER_TYPES)[number]
export type TaxIdCheckStatus = (typeof TAX_ID_CHECK_STATUSES)[number]

export type TaxIdCheckDTO = {
  id: string
  owner_type: TaxIdCheckOwnerType
  owner_id: string
  tax_id: string
  country_code: string
  vat_number: string
  status: TaxIdCheckStatus
  attempts: number
  next_attempt_at: Date | string | null
  last_attempt_at: Date | string | null
  fault_code: string | null
  fault_message: string | null
  checked_at: Date | string | null
  request_date: string | null
  consultation_number: string | null
  requester_vat_id: string | null
  registered_name: string | null
  registered_address: string | null
  requested_by: string | null
  created_at: Date | string
  updated_at: Date | string
  deleted_at?: Date | string | null
}
