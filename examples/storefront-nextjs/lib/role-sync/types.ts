export type AccountType = "individual" | "business";

/** The plugin's `customer_meta` record (DESIGN §3), as the store API returns it. */
export type CustomerMeta = {
  id: string;
  customer_id: string;
  clerk_user_id: string;
  account_type: AccountType;
  company_name: string | null;
  tax_id: string | null;
  is_verified: boolean;
  verified_at: string | null;
  created_at?: string;
  updated_at?: string;
};

export type SyncedCustomer = {
  id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
};

/** `POST /store/customers/sync-role` → 200 */
export type SyncRoleResponse = {
  customer_meta: CustomerMeta;
  customer: SyncedCustomer;
  created: boolean;
};

/** Which call of the sign-in sequence failed. */
export type RoleSyncStep = "clerk" | "exchange" | "sync" | "refresh";

export type RoleSyncError = {
  step: RoleSyncStep;
  /** HTTP status when the backend answered, otherwise undefined (network error, no Clerk token). */
  status?: number;
  message: string;
};
