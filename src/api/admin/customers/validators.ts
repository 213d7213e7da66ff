import { z } from "@medusajs/framework/zod"
import { TAX_ID_STATUSES, type TaxIdStatus } from "../../../utils/tax-id/types"

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

export const AdminVerifyBusinessCustomer = z
  .object({
    customer_id: z.string().min(1),
    verified: z.boolean().optional().default(true),
  })
  .strict()
export type AdminVerifyBusinessCustomerType = z.infer<typeof AdminVerifyBusinessCustomer>

export const AdminListBusinessCustomersParams = z
  .object({
    verified: z.enum(["true", "false"]).optional(),
    tax_id_status: taxIdStatusList.optional(),
    tax_id_flagged: z.enum(["true", "false"]).optional(),
    q: z.string().trim().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).optional().default(20),
    offset: z.coerce.number().int().min(0).optional().default(0),
  })
  .strict()
export type AdminListBusinessCustomersParamsType = z.infer<typeof AdminListBusinessCustomersParams>
