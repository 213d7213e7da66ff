import { toast, usePrompt } from "@medusajs/ui"
import { useCallback } from "react"
import { errorMessage } from "./error-message"
import { useVerifyBusinessCustomer } from "./use-verify-business-customer"

type VerifiableCustomer = {
  customer_id: string
  company_name: string | null
  is_verified: boolean
}

/**
 * Verify or unverify a business customer the way the admin does destructive
 * things: ask first (usePrompt), then call the API and say how it went in a
 * toast. Returns the customer id being changed, so a list can show a busy
 * button on the right row only.
 */
export const useVerificationToggle = () => {
  const prompt = usePrompt()
  const mutation = useVerifyBusinessCustomer()
  const { mutateAsync } = mutation

  const toggle = useCallback(async (meta: VerifiableCustomer) => {
    const verify = !meta.is_verified
    const company = meta.company_name || "this business"

    const confirmed = await prompt({
      title: verify ? `Verify ${company}?` : `Remove verification of ${company}?`,
      description: verify
        ? "Verified businesses get business prices and business-only features. Only verify a company after checking its details and tax ID."
        : "The customer loses business prices and business-only features until it is verified again.",
      confirmText: verify ? "Verify" : "Unverify",
      cancelText: "Cancel",
      variant: verify ? "confirmation" : "danger",
    })
    if (!confirmed) {
      return
    }

    try {
      await mutateAsync({ customerId: meta.customer_id, verified: verify })
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
  }, [prompt, mutateAsync])

  return {
    toggle,
    pendingCustomerId: mutation.isPending ? mutation.variables?.customerId : undefined,
  }
}
