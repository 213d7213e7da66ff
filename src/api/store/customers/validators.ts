import { createSelectParams } from "@medusajs/medusa/api/utils/validators"

/** `?fields=` on the caller's role (GET and the sync's answer). */
export const StoreGetCustomerMetaParams = createSelectParams().strict()
