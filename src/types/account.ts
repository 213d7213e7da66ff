/** What a customer declared at sign-up (DESIGN §5 rule 1). */
export const ACCOUNT_TYPES = ["individual", "business"] as const

export type AccountType = (typeof ACCOUNT_TYPES)[number]
