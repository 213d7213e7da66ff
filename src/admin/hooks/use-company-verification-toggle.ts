import { useQueryClient } from "@tanstack/react-query"
import { useCallback, useMemo } from "react"
import type { AdminCompany } from "../../types"
import { companyQueryKeys, fetchCompany, useVerifyCompany } from "./api/companies"
import { useReviewedVerification, type ChangeField } from "./use-reviewed-verification"

/** What the admin looked at: the company as the list or its page showed it. */
export type ReviewedCompany = Pick<
  AdminCompany,
  "id" | "name" | "tax_id" | "country_code" | "is_verified" | "member_count" | "updated_at"
>

const FIELDS: ChangeField<ReviewedCompany>[] = [
  { label: "Name", value: (c) => c.name },
  { label: "Tax ID", value: (c) => c.tax_id },
  { label: "Country", value: (c) => c.country_code },
  { label: "Members", value: (c) => String(c.member_count) },
  { label: "Verification", value: (c) => (c.is_verified ? "verified" : "not verified") },
]

const describe = (company: ReviewedCompany) =>
  [
    company.name,
    company.tax_id ? `tax ID ${company.tax_id}` : "no tax ID",
    `${company.member_count} ${company.member_count === 1 ? "member" : "members"}`,
  ].join(", ")

/**
 * Verify or unverify a company (Companies page and company page) with the
 * reviewed-version check: `expected_updated_at` is the company's
 * `updated_at` on screen; on `409` the current company is loaded, the admin
 * is told what changed and asked again.
 */
export const useCompanyVerificationToggle = () => {
  const queryClient = useQueryClient()
  const mutation = useVerifyCompany()
  const { mutateAsync } = mutation

  const send = useCallback(
    (company: ReviewedCompany, verified: boolean) =>
      mutateAsync({ id: company.id, verified, expected_updated_at: new Date(company.updated_at).toISOString() }),
    [mutateAsync]
  )

  const reload = useCallback(
    async (company: ReviewedCompany) => {
      const [fresh] = await Promise.all([
        queryClient.fetchQuery({
          queryKey: companyQueryKeys.detail(company.id),
          queryFn: () => fetchCompany(company.id),
          staleTime: 0,
        }),
        queryClient.invalidateQueries({ queryKey: companyQueryKeys.lists() }),
      ])
      return fresh
    },
    [queryClient]
  )

  const toggle = useReviewedVerification<ReviewedCompany>(
    useMemo(
      () => ({
        kind: "Company",
        isVerified: (company) => company.is_verified,
        name: (company) => company.name,
        describe,
        fields: FIELDS,
        verifyEffect:
          "Every member becomes a verified business: they join the verified-business customer group and the company's own group, whose price lists give them business and company prices.",
        unverifyEffect:
          "Every member leaves the verified-business group and the company's group, so their price lists no longer price the members' carts. Members, quotes and roles stay.",
        send,
        reload,
      }),
      [send, reload]
    )
  )

  return { toggle, pendingCompanyId: mutation.isPending ? mutation.variables?.id : undefined }
}
