import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { BusinessRoleDetails } from "../components/business-role-details"
import { DetailRowsSkeleton } from "../components/detail-rows-skeleton"
import { NoClerkRoleState } from "../components/no-clerk-role-state"
import { QueryErrorState } from "../components/query-error-state"
import { VerifyToggleButton } from "../components/verify-toggle-button"
import { useCustomerMeta } from "../lib/use-customer-meta"
import { useVerificationToggle } from "../lib/use-verification-toggle"

/**
 * The customer's Clerk role on the customer page: account type, company,
 * tax ID and verification, with Verify / Unverify for business accounts.
 */
const CustomerBusinessRoleWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { data: meta, isLoading, isError, error, refetch } = useCustomerMeta(customer.id)
  const { toggle, pendingCustomerId } = useVerificationToggle()

  return (
    <Container className="divide-y p-0" data-testid="customer-business-role">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col">
          <Heading level="h2">Business role</Heading>
          <Text size="small" leading="compact" className="text-ui-fg-subtle">
            Declared at Clerk sign-up; verified by an admin
          </Text>
        </div>
        {meta?.account_type === "business" && (
          <VerifyToggleButton
            isVerified={meta.is_verified}
            isLoading={pendingCustomerId === customer.id}
            onClick={() => toggle(meta)}
          />
        )}
      </div>
      {isLoading ? (
        <DetailRowsSkeleton rows={4} />
      ) : isError ? (
        <QueryErrorState title="Could not load the business role" error={error} onRetry={() => refetch()} />
      ) : meta ? (
        <BusinessRoleDetails meta={meta} />
      ) : (
        <NoClerkRoleState />
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details",
  id: "role-sync:customer-business-role",
})

export default CustomerBusinessRoleWidget
