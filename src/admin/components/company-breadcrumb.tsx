import { useCompany } from "../hooks/api/companies"

/** The company page's breadcrumb: its name once loaded (same cache as the page). */
export const CompanyBreadcrumb = ({ id }: { id: string }) => {
  const { company } = useCompany(id)
  return company ? <span>{company.name}</span> : null
}
