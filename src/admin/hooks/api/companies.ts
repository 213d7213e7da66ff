import type { FetchError } from "@medusajs/js-sdk"
import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type UseQueryOptions,
} from "@tanstack/react-query"
import type {
  AdminCompanyDetail,
  AdminCompanyListResponse,
  AdminCompanyResponse,
  AdminVerifyCompanyRequest,
} from "../../../types"
import { createQueryKeys, dashboardCustomerQueryKeys } from "../../lib/query-key-factory"
import { sdk } from "../../lib/sdk"
import { customerMetaQueryKeys } from "./customer-meta"

/** Query of `GET /admin/companies`. */
export type AdminCompanyListQuery = {
  /** Matches the name, the tax ID or the Clerk organization id. */
  q?: string
  verified?: "true" | "false"
  /** Only the companies this customer belongs to. */
  customer_id?: string
  limit: number
  offset: number
}

export const companyQueryKeys = createQueryKeys<"companies", AdminCompanyListQuery>("companies")

/** One page of companies, newest first; the previous page stays on screen while the next loads. */
export const useCompanies = (
  query: AdminCompanyListQuery,
  options?: Omit<UseQueryOptions<AdminCompanyListResponse, FetchError>, "queryKey" | "queryFn">
) => {
  const { data, ...rest } = useQuery({
    queryKey: companyQueryKeys.list(query),
    queryFn: () => sdk.client.fetch<AdminCompanyListResponse>("/admin/companies", { query }),
    placeholderData: keepPreviousData,
    ...options,
  })
  return { ...data, ...rest }
}

/** `GET /admin/companies/:id`: the company with its members and their roles. */
export const fetchCompany = async (id: string): Promise<AdminCompanyDetail> =>
  (await sdk.client.fetch<AdminCompanyResponse>(`/admin/companies/${encodeURIComponent(id)}`)).company

export const useCompany = (id: string, { enabled = true }: { enabled?: boolean } = {}) => {
  const { data, ...rest } = useQuery<AdminCompanyDetail, FetchError>({
    queryKey: companyQueryKeys.detail(id),
    queryFn: () => fetchCompany(id),
    enabled: enabled && !!id,
  })
  return { company: data, ...rest }
}

/**
 * `POST /admin/companies/:id/verify` with the reviewed `expected_updated_at`
 * (`409 version_conflict` when the company changed since). On success the
 * company, the lists and every member's customer page refresh (members join
 * or leave the verified-business group).
 */
export const useVerifyCompany = () => {
  const queryClient = useQueryClient()
  return useMutation<
    AdminCompanyResponse,
    FetchError,
    { id: string } & Required<Pick<AdminVerifyCompanyRequest, "verified" | "expected_updated_at">>
  >({
    mutationFn: ({ id, ...body }) =>
      sdk.client.fetch<AdminCompanyResponse>(`/admin/companies/${encodeURIComponent(id)}/verify`, {
        method: "POST",
        body,
      }),
    onSuccess: async ({ company }) => {
      queryClient.setQueryData(companyQueryKeys.detail(company.id), company)
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: companyQueryKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: customerMetaQueryKeys.all }),
        ...dashboardCustomerQueryKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey: [...queryKey] })),
      ])
    },
  })
}
