import { toast, usePrompt } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useCallback } from "react"
import type { AdminCustomerMeta } from "../../types"
import { TAX_ID_STATUS_PHRASES } from "../components/tax-id-status-badge"
import { errorMessage, errorStatus } from "../lib/error-message"
import { businessCustomerQueryKeys } from "./api/business-customers"
import { customerMetaQueryKeys, fetchCustomerMeta, useVerifyBusinessCustomer } from "./api/customer-meta"

/** What the admin looked at: the row as the widget or the list showed it. */
export type ReviewedCustomerMeta = Pick<
  AdminCustomerMeta,
  "customer_id" | "account_type" | "company_name" | "tax_id" | "tax_id_status" | "is_verified" | "updated_at"
>

/** How often the admin is asked again when the row keeps changing under them. */
const MAX_REVIEWS = 3

const describe = (meta: ReviewedCustomerMeta) =>
  [
    meta.company_name || "no company name",
    meta.tax_id
      ? `tax ID ${meta.tax_id}${meta.tax_id_status ? ` (${TAX_ID_STATUS_PHRASES[meta.tax_id_status]})` : ""}`
      : "no tax ID",
  ].join(", ")

const isoOf = (value: string | Date) => new Date(value).toISOString()

/** "Company: Honest GmbH → Shell Ltd. Tax ID: A → B." for the fields an admin reviews. */
export const describeChanges = (before: ReviewedCustomerMeta, after: ReviewedCustomerMeta): string => {
  const lines: string[] = []
  const field = (label: string, a: string | null, b: string | null) => {
    if ((a ?? "") !== (b ?? "")) {
      lines.push(`${label}: ${a || "none"} → ${b || "none"}.`)
    }
  }
  field("Account type", before.account_type, after.account_type)
  field("Company", before.company_name, after.company_name)
  field("Tax ID", before.tax_id, after.tax_id)
  field("Tax ID status", before.tax_id_status, after.tax_id_status)
  if (before.is_verified !== after.is_verified) {
    lines.push(after.is_verified ? "Someone else verified it meanwhile." : "Someone else removed its verification meanwhile.")
  }
  return lines.length ? lines.join(" ") : "It was synced again; what you see did not change."
}

/**
 * Verify or unverify a business customer the way the admin does consequential
 * things: ask first (usePrompt), saying what changes, then call the API and
 * say how it went in a toast.
 *
 * The request carries `expected_updated_at`, the version of the role the
 * admin reviewed (DESIGN §9 rule 4). When the customer changed it since
 * (a Clerk sync renamed the company, another admin acted), the server
 * answers `409 version_conflict` and writes nothing; the current role is
 * loaded (every view of it refreshes), the admin is shown what changed and
 * asked again, and a yes is sent with the new version.
 *
 * Returns the customer id being changed, so a list can show a busy button on
 * the right row only.
 */
export const useVerificationToggle = () => {
  const prompt = usePrompt()
  const queryClient = useQueryClient()
  const mutation = useVerifyBusinessCustomer()
  const { mutateAsync } = mutation

  /** The role as it is now; the widget, the lists and their rows show it too. */
  const reload = useCallback(
    async (customerId: string) => {
      const [fresh] = await Promise.all([
        queryClient.fetchQuery({
          queryKey: customerMetaQueryKeys.detail(customerId),
          queryFn: () => fetchCustomerMeta(customerId),
          staleTime: 0,
        }),
        queryClient.invalidateQueries({ queryKey: businessCustomerQueryKeys.lists() }),
      ])
      return fresh
    },
    [queryClient]
  )

  const toggle = useCallback(
    async (reviewed: ReviewedCustomerMeta) => {
      const verify = !reviewed.is_verified
      const company = reviewed.company_name || "this business"

      const confirmed = await prompt({
        title: verify ? `Verify ${company}?` : `Remove the verification of ${company}?`,
        description: verify
          ? `You reviewed ${describe(reviewed)}. Verifying adds the customer to the verified-business customer group, whose price lists give it business prices. Quotes and bulk orders don't need verification.`
          : `The customer leaves the verified-business customer group, so that group's price lists no longer price its carts. Its business account, quotes and bulk orders stay.`,
        confirmText: verify ? "Verify" : "Unverify",
        cancelText: "Cancel",
        variant: verify ? "confirmation" : "danger",
      })
      if (!confirmed) {
        return
      }

      let current = reviewed
      for (let review = 1; review <= MAX_REVIEWS; review++) {
        try {
          await mutateAsync({
            customer_id: current.customer_id,
            verified: verify,
            expected_updated_at: isoOf(current.updated_at),
          })
          const name = current.company_name || "The business"
          toast.success(verify ? "Business verified" : "Verification removed", {
            description: verify ? `${name} is now a verified business.` : `${name} is no longer verified.`,
          })
          return
        } catch (error) {
          if (errorStatus(error) !== 409) {
            toast.error(verify ? "Could not verify the business" : "Could not remove the verification", {
              description: errorMessage(error),
            })
            return
          }
        }

        // 409 version_conflict: nothing was written. Show what changed, ask again.
        let fresh: AdminCustomerMeta | null
        try {
          fresh = await reload(current.customer_id)
        } catch (error) {
          toast.error("The business changed and could not be reloaded", { description: errorMessage(error) })
          return
        }
        if (!fresh || fresh.account_type !== "business") {
          toast.error("Nothing was changed", {
            description: "The customer is no longer a business account, so there is nothing to verify.",
          })
          return
        }
        if (fresh.is_verified === verify) {
          toast.info(verify ? "Already verified" : "Already unverified", {
            description: `${describeChanges(current, fresh)} Nothing else to do.`,
          })
          return
        }
        if (review === MAX_REVIEWS) {
          toast.error("Nothing was changed", {
            description: "The business keeps changing while you review it. Look at it again in a moment.",
          })
          return
        }
        const again = await prompt({
          title: `${fresh.company_name || "The business"} changed since you reviewed it`,
          description: `Nothing was changed yet. ${describeChanges(current, fresh)} ${
            verify ? `Verify it as it is now: ${describe(fresh)}?` : "Remove its verification anyway?"
          }`,
          confirmText: verify ? "Verify" : "Unverify",
          cancelText: "Cancel",
          variant: verify ? "confirmation" : "danger",
        })
        if (!again) {
          return
        }
        current = fresh
      }
    },
    [prompt, mutateAsync, reload]
  )

  return {
    toggle,
    pendingCustomerId: mutation.isPending ? mutation.variables?.customer_id : undefined,
  }
}
