import type { TaxIdStatus } from "../../utils/tax-id/types"

export type AccountType = "individual" | "business"

export type CustomerMetaDTO = {
  id: string
  customer_id: string
  clerk_user_id: string
  account_type: AccountType
  company_name: string | null
  tax_id: string | null
  tax_id_country: string | null
  tax_id_status: TaxIdStatus | null
  tax_id_checked_at: Date | string | null
  tax_id_check_id: string | null
  tax_id_flagged_at: Date | string | null
  is_verified: boolean
  verified_at: Date | string | null
  verified_by: string | null
  clerk_updated_at?: Date | string | null
  created_at: Date | string
  updated_at: Date | string
  deleted_at?: Date | string | null
}
