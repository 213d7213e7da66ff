import type { AdditionalData } from "@medusajs/framework/types"
import { z } from "@medusajs/framework/zod"
import {
  createSelectParams,
  WithAdditionalData,
} from "@medusajs/medusa/api/utils/validators"
import { TAX_ID_STATUSES, type TaxIdStatus } from "../../../utils/tax-id/types"
import { createRoleSyncFindParams } from "../../utils/find-params"
import { BUSINESS_CUSTOMER_ORDERABLE_FIELDS } from "./business/find-business-customers"

// `tax_id_status=pending,invalid`: one status or several, comma-separated.
const taxIdStatusList = z
  .string()
  .trim()
  .transform((value) => value.split(",").map((s) => s.trim()).filter(Boolean))
  .pipe(
    z
      .array(z.enum([...TAX_ID_STATUSES] as [TaxIdStatus, ...TaxIdStatus[]]))
      .min(1)
      .max(TAX_ID_STATUSES.length)
  )

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
    tax_id_status: taxIdStatusList.optional(),
    tax_id_flagged: z.enum(["true", "false"]).optional(),
    /** Part of the company name, the tax ID (as typed or compact) or the customer's email. */
    q: z.string().trim().max(200).optional(),
  })
  .strict()
export type AdminListBusinessCustomersParamsType = z.infer<
  typeof AdminListBusinessCustomersParams
>
