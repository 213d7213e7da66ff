// The module's DTOs are the plugin's shared types (src/types).
export type { AccountType } from "../../types/account"
export type { CustomerMetaDTO } from "../../types/customer-meta"
