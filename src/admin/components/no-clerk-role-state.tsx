import { Text } from "@medusajs/ui"

/** The widget's state for a customer that never signed in through Clerk: nothing to verify yet. */
export const NoClerkRoleState = () => (
  <div className="flex flex-col gap-y-1 px-6 py-4" data-testid="no-clerk-role">
    <Text size="small" leading="compact" weight="plus">
      No Clerk role synced
    </Text>
    <Text size="small" leading="compact" className="text-ui-fg-subtle text-pretty">
      This customer has not signed in through Clerk, so no account type, company or tax ID is
      known. The role appears here after the customer's first Clerk sign-in.
    </Text>
  </div>
)
