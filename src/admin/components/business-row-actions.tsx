import { EllipsisHorizontal, MagnifyingGlass, User } from "@medusajs/icons"
import { DropdownMenu, IconButton, toast } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import type { AdminBusinessCustomer } from "../../types"
import { useCheckTaxIdAgain } from "../hooks/api/tax-id"
import { errorMessage } from "../lib/error-message"

/** Whether VIES can be asked about this row's tax ID (an EU VAT number with a check). */
export const canCheckTaxIdAgain = (row: AdminBusinessCustomer) =>
  !!row.tax_id && (!!row.tax_id_check_id || ["pending", "valid", "invalid"].includes(row.tax_id_status ?? ""))

/** The row's other actions (the dashboard's "…" menu): check the tax ID again, open the customer. */
export const BusinessRowActions = ({ row }: { row: AdminBusinessCustomer }) => {
  const navigate = useNavigate()
  const checkAgain = useCheckTaxIdAgain(row.customer_id)

  const onCheckAgain = () =>
    checkAgain.mutate(undefined, {
      onSuccess: () =>
        toast.info("Tax ID check started", {
          description: `VIES is asked about ${row.tax_id} in the background; the list shows the answer when it comes.`,
        }),
      onError: (error) => toast.error("Could not check the tax ID again", { description: errorMessage(error) }),
    })

  return (
    <DropdownMenu>
      <DropdownMenu.Trigger asChild onClick={(event) => event.stopPropagation()}>
        <IconButton size="small" variant="transparent" aria-label="More actions" data-testid="business-row-actions">
          <EllipsisHorizontal />
        </IconButton>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content align="end" onClick={(event) => event.stopPropagation()}>
        <DropdownMenu.Item
          className="gap-x-2"
          disabled={!canCheckTaxIdAgain(row) || checkAgain.isPending}
          onClick={onCheckAgain}
        >
          <MagnifyingGlass className="text-ui-fg-subtle" />
          Check tax ID again
        </DropdownMenu.Item>
        <DropdownMenu.Item className="gap-x-2" onClick={() => navigate(`/customers/${row.customer_id}`)}>
          <User className="text-ui-fg-subtle" />
          Open customer
        </DropdownMenu.Item>
      </DropdownMenu.Content>
    </DropdownMenu>
  )
}
