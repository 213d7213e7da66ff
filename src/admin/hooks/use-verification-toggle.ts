import { useQueryClient } from "@tanstack/react-query"
import { useCallback, useMemo } from "react"
import type { AdminCustomerMeta } from "../../types"
import { TAX_ID_STATUS_PHRASES } from "../components/tax-id-status-badge"
import { businessCustomerQueryKeys } from "./api/business-customers"
import { customerMetaQueryKeys, fetchCustomerMeta, useVerifyBusinessCustomer } from "./api/customer-meta"
import { useReviewedVerification, type ChangeField } from "./use-reviewed-verification"

/** What the admin looked at: the role as the widget or the list showed it. */
export type ReviewedCustomerMeta = Pick<
  AdminCustomerMeta,
  "customer_id" | "account_type" | "company_name" | "tax_id" | "tax_id_status" | "is_verified" | "updated_at"
>

const FIELDS: ChangeField<ReviewedCustomerMeta>[] = [
  { label: "Account type", value: (m) => m.account_type },
  { label: "Company", value: (m) => m.company_name },
  { label: "Tax ID", value: (m) => m.tax_id },
  { label: "Tax ID status", value: (m) => m.tax_id_status },
  { label: "Verification", value: (m) => (m.is_verified ? "verified" : "not verified") },
]

const describe = (meta: ReviewedCustomerMeta) =>
  [
    meta.company_name || "no company name",
    meta.tax_id
      ? `tax ID ${meta.tax_id}${meta.tax_id_status ? ` (${TAX_ID_STATUS_PHRASES[meta.tax_id_status]})` : ""}`
      : "no tax ID",
  ].join(", ")

/**
 * Verify or unverify a business customer (widget and Business customers
 * page): asks first, sends `expected_updated_at` (the role's `updated_at`
 * on screen) and, on `409`, shows the current role and asks again. Returns
 * the customer id being changed, so a list can show a busy button on the
 * right row only.
 */
export const useVerificationToggle = () => {
  const queryClient = useQueryClient()
  const mutation = useVerifyBusinessCustomer()
  const { mutateAsync } = mutation

  const send = useCallback(
    (meta: ReviewedCustomerMeta, verified: boolean) =>
      mutateAsync({
        customer_id: meta.customer_id,
        verified,
        expected_updated_at: new Date(meta.updated_at).toISOString(),
      }),
    [mutateAsync]
  )

  const reload = useCallback(
    async (meta: ReviewedCustomerMeta) => {
      const [fresh] = await Promise.all([
        queryClient.fetchQuery({
          queryKey: customerMetaQueryKeys.detail(meta.customer_id),
          queryFn: () => fetchCustomerMeta(meta.customer_id),
          staleTime: 0,
        }),
        queryClient.invalidateQueries({ queryKey: businessCustomerQueryKeys.lists() }),
      ])
      return fresh
    },
    [queryClient]
  )

  const toggle = useReviewedVerification<ReviewedCustomerMeta>(
    useMemo(
      () => ({
        kind: "Business",
        isVerified: (meta) => meta.is_verified,
        name: (meta) => meta.company_name || "this business",
        describe,
        fields: FIELDS,
        verifyEffect:
          "Verifying adds the customer to the verified-business customer group, whose price lists give it business prices. Quotes and bulk orders don't need verification.",
        unverifyEffect:
          "The customer leaves the verified-business customer group, so that group's price lists no longer price its carts. Its business account, quotes and bulk orders stay.",
        send,
        reload,
        refuse: (meta) =>
          meta.account_type === "business" ? null : "The customer is no longer a business account, so there is nothing to verify.",
      }),
      [send, reload]
    )
  )

  return {
    toggle,
    pendingCustomerId: mutation.isPending ? mutation.variables?.customer_id : undefined,
  }
}
