import { z } from "@medusajs/framework/zod"

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
    q: z.string().trim().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).optional().default(20),
    offset: z.coerce.number().int().min(0).optional().default(0),
  })
  .strict()
export type AdminListBusinessCustomersParamsType = z.infer<typeof AdminListBusinessCustomersParams>
