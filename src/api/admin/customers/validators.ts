import type { AdditionalData } from "@medusajs/framework/types"
import { z } from "@medusajs/framework/zod"
import {
  createSelectParams,
  WithAdditionalData,
} from "@medusajs/medusa/api/utils/validators"
import { createRoleSyncFindParams } from "../../utils/find-params"
import { BUSINESS_CUSTOMER_ORDERABLE_FIELDS } from "./business/find-business-customers"

const VerifyBusinessCustomer = z
  .object({
    customer_id: z.string().min(1),
    verified: z.boolean().optional().default(true),
  })
  .strict()

/** Takes `additional_data` for the `businessVerified` hook, as core's routes do. */
export const AdminVerifyBusinessCustomer = WithAdditionalData(VerifyBusinessCustomer)
export type AdminVerifyBusinessCustomerType = z.infer<typeof VerifyBusinessCustomer> &
  AdditionalData

/** `?fields=` on the role verify answers. */
export const AdminGetCustomerMetaParams = createSelectParams().strict()

export const AdminListBusinessCustomersParams = createRoleSyncFindParams({ orderable: BUSINESS_CUSTOMER_ORDERABLE_FIELDS })
  .extend({
    verified: z.enum(["true", "false"]).optional(),
    /** Part of the company name, the tax ID or the customer's email. */
    q: z.string().trim().max(200).optional(),
  })
  .strict()
export type AdminListBusinessCustomersParamsType = z.infer<
  typeof AdminListBusinessCustomersParams
>
