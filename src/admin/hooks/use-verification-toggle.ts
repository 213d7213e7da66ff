import { toast, usePrompt } from "@medusajs/ui"
import { useCallback } from "react"
import type { AdminCustomerMeta } from "../../types"
import { errorMessage } from "../lib/error-message"
import { useVerifyBusinessCustomer } from "./api/customer-meta"

/** What the admin looked at: the row as the widget or the list showed it. */
export type ReviewedCustomerMeta = Pick<
  AdminCustomerMeta,
  "customer_id" | "account_type" | "company_name" | "tax_id" | "is_verified" | "updated_at"
>

const describe = (meta: ReviewedCustomerMeta) =>
  [meta.company_name || "No company name", meta.tax_id ? `tax ID ${meta.tax_id}` : "no tax ID"].join(", ")

/**
 * Verify or unverify a business customer the way the admin does consequential
 * things: ask first (usePrompt), saying what changes, then call the API and
 * say how it went in a toast. Returns the customer id being changed, so a
 * list can show a busy button on the right row only.
 */
export const useVerificationToggle = () => {
  const prompt = usePrompt()
  const mutation = useVerifyBusinessCustomer()
  const { mutateAsync } = mutation

  const toggle = useCallback(
    async (meta: ReviewedCustomerMeta) => {
      const verify = !meta.is_verified
      const company = meta.company_name || "this business"

      const confirmed = await prompt({
        title: verify ? `Verify ${company}?` : `Remove the verification of ${company}?`,
        description: verify
          ? `You reviewed ${describe(meta)}. Verifying adds the customer to the verified-business customer group, whose price lists give it business prices. Quotes and bulk orders don't need verification.`
          : `The customer leaves the verified-business customer group, so that group's price lists no longer price its carts. Its business account, quotes and bulk orders stay.`,
        confirmText: verify ? "Verify" : "Unverify",
        cancelText: "Cancel",
        variant: verify ? "confirmation" : "danger",
      })
      if (!confirmed) {
        return
      }

      try {
        await mutateAsync({ customer_id: meta.customer_id, verified: verify })
        toast.success(verify ? "Business verified" : "Verification removed", {
          description: verify
            ? `${company} is now a verified business.`
            : `${company} is no longer verified.`,
        })
      } catch (error) {
        toast.error(verify ? "Could not verify the business" : "Could not remove the verification", {
          description: errorMessage(error),
        })
      }
    },
    [prompt, mutateAsync]
  )

  return {
    toggle,
    pendingCustomerId: mutation.isPending ? mutation.variables?.customer_id : undefined,
  }
}
