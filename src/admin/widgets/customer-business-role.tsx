import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { BusinessRoleDetails } from "../components/business-role-details"
import { isCompanyMember } from "../components/customer-company-rows"
import { QueryErrorState } from "../components/query-error-state"
import { VerifyToggleButton } from "../components/verify-toggle-button"
import { useCustomerMeta } from "../hooks/api/customer-meta"
import { useVerificationToggle } from "../hooks/use-verification-toggle"

/**
 * The customer's Clerk role at the top of the customer page's side column:
 * account type, company, tax ID and verification, with Verify / Unverify for
 * business accounts. Customers who never signed in through Clerk have no
 * role, and the card is not shown at all.
 */
const CustomerBusinessRoleWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { customer_meta: meta, isLoading, isError, error, refetch } = useCustomerMeta(customer.id)
  const { toggle, pendingCustomerId } = useVerificationToggle()

  // Nothing while loading either: most customers of a store may never use
  // Clerk, and a placeholder that then vanishes would make the page jump.
  if (isLoading || (!isError && !meta)) {
    return null
  }

  return (
    <Container className="divide-y p-0" data-testid="customer-business-role">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col">
          <Heading level="h2">Business role</Heading>
          <Text size="small" leading="compact" className="text-ui-fg-subtle">
            Declared at Clerk sign-up; verified by an admin
          </Text>
        </div>
        {meta && isCompanyMember(meta) ? (
          <Button size="small" variant="secondary" className="shrink-0 whitespace-nowrap" asChild>
            <Link to={`/companies/${meta.active_company_id}`} data-testid="open-company">
              Open company
            </Link>
          </Button>
        ) : meta?.account_type === "business" && (
          <VerifyToggleButton
            isVerified={meta.is_verified}
            isLoading={pendingCustomerId === customer.id}
            onClick={() => toggle(meta)}
          />
        )}
      </div>
      {meta ? (
        <BusinessRoleDetails meta={meta} />
      ) : (
        <QueryErrorState title="Could not load the business role" error={error} onRetry={() => refetch()} />
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  // The side column, next to the customer's details rather than below orders
  // and groups. Older dashboards (before 2.17.2) put it at the top of that
  // column by this suffix; newer ones ignore the suffix, place it in the side
  // column and let admins move it with the layout editor.
  zone: "customer.details.side.before",
  id: "role-sync:customer-business-role",
})

export default CustomerBusinessRoleWidget
