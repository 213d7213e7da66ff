export type AccountType = "individual" | "business"

export type CustomerMetaDTO = {
  id: string
  customer_id: string
  clerk_user_id: string
  account_type: AccountType
  company_name: string | null
  tax_id: string | null
  is_verified: boolean
  verified_at: Date | string | null
  verified_by: string | null
  clerk_updated_at?: Date | string | null
  created_at: Date | string
  updated_at: Date | string
  deleted_at?: Date | string | null
}
