import { Alert, Button, Hint, Text } from "@medusajs/ui"
import type { AdminCustomerMeta, AdminTaxIdCheck } from "../../types"
import { useCheckTaxIdAgain, useCustomerTaxId } from "../hooks/api/tax-id"
import { errorMessage } from "../lib/error-message"
import { formatDateTime, viesFaultText } from "../lib/format"
import { SectionRow } from "./section-row"
import { TaxIdStatusBadge } from "./tax-id-status-badge"

/** A tax ID VIES can check (an EU VAT number, once a check exists for it). */
const hasViesCheck = (meta: AdminCustomerMeta) =>
  !!meta.tax_id_check_id || meta.tax_id_status === "pending" || meta.tax_id_status === "valid" || meta.tax_id_status === "invalid"

const sameName = (a: string | null, b: string | null) =>
  !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase()

/** What validation alone says, when VIES has nothing to add. */
const FORMAT_ONLY_HINT: Partial<Record<string, string>> = {
  format_valid: "Format and check digits are right for its country; whether it is registered was not checked.",
  format_invalid: "Stored before tax IDs were checked and fails its country's rules.",
  unchecked: "No validator for its country: nothing about it was checked.",
}

/**
 * The tax ID rows of the role card: the number and its status, the VIES
 * evidence the admin verifies on (when it was checked, the registered name
 * and address, the consultation number), why a check is still pending, and
 * "Check again".
 */
export const TaxIdCheckRows = ({ meta }: { meta: AdminCustomerMeta }) => {
  const withVies = hasViesCheck(meta)
  const { tax_id_check: check, isLoading } = useCustomerTaxId(meta.customer_id, { enabled: withVies })
  const checkAgain = useCheckTaxIdAgain(meta.customer_id)

  if (!meta.tax_id) {
    return <SectionRow title="Tax ID" value="-" testId="business-role-tax-id" />
  }

  return (
    <>
      <SectionRow
        title="Tax ID"
        testId="business-role-tax-id"
        value={
          <div className="flex flex-col items-start gap-y-1">
            <div className="flex flex-wrap items-center gap-2">
              <Text size="small" leading="compact" className="font-mono">
                {meta.tax_id}
              </Text>
              {meta.tax_id_status && <TaxIdStatusBadge status={meta.tax_id_status} />}
            </div>
            {!withVies && meta.tax_id_status && FORMAT_ONLY_HINT[meta.tax_id_status] && (
              <Text size="xsmall" leading="compact" className="text-ui-fg-subtle text-pretty">
                {FORMAT_ONLY_HINT[meta.tax_id_status]}
              </Text>
            )}
          </div>
        }
      />
      {meta.tax_id_flagged_at && (
        <div className="px-6 py-4">
          <Alert variant="warning" data-testid="tax-id-flagged">
            VIES answered on {formatDateTime(meta.tax_id_flagged_at)} that this number is not registered, while the
            business is verified. Review it; nothing was unverified automatically.
          </Alert>
        </div>
      )}
      {withVies && !isLoading && check && <ViesEvidenceRows check={check} companyName={meta.company_name} />}
      {withVies && (
        <SectionRow
          title="VIES"
          testId="tax-id-check-again-row"
          value={
            <div className="flex flex-col items-start gap-y-1">
              <Button
                size="small"
                variant="secondary"
                isLoading={checkAgain.isPending}
                disabled={checkAgain.isPending || (check?.status === "pending" && check.attempts === 0)}
                onClick={() => checkAgain.mutate()}
                data-testid="tax-id-check-again"
              >
                Check again
              </Button>
              {checkAgain.isError && <Hint variant="error">{errorMessage(checkAgain.error)}</Hint>}
            </div>
          }
        />
      )}
    </>
  )
}

const ViesEvidenceRows = ({ check, companyName }: { check: AdminTaxIdCheck; companyName: string | null }) => {
  if (check.status === "pending") {
    const asking = check.attempts === 0
    return (
      <SectionRow
        title="VIES check"
        testId="tax-id-check-pending"
        value={
          asking
            ? "Asking VIES…"
            : `No answer yet: ${viesFaultText(check.fault_code)}. Attempt ${check.attempts} of ${check.max_attempts}${
                check.next_attempt_at ? `, next try ${formatDateTime(check.next_attempt_at)}` : ", no more automatic tries"
              }.`
        }
      />
    )
  }
  const registered = check.status === "valid"
  return (
    <>
      <SectionRow
        title="VIES checked"
        testId="tax-id-checked-at"
        value={`${formatDateTime(check.checked_at)}: ${registered ? "registered" : "not registered"}`}
      />
      {registered && (
        <SectionRow
          title="Registered name"
          testId="tax-id-registered-name"
          value={
            check.registered_name ? (
              <div className="flex flex-col">
                <Text size="small" leading="compact">
                  {check.registered_name}
                </Text>
                {!sameName(check.registered_name, companyName) && (
                  <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
                    Differs from the declared company name.
                  </Text>
                )}
              </div>
            ) : (
              "Not disclosed by the member state"
            )
          }
        />
      )}
      {registered && check.registered_address && (
        <SectionRow title="Registered address" value={check.registered_address} testId="tax-id-registered-address" />
      )}
      {check.consultation_number && (
        <SectionRow
          title="Consultation number"
          value={
            <Text size="small" leading="compact" className="font-mono break-all">
              {check.consultation_number}
            </Text>
          }
          testId="tax-id-consultation-number"
        />
      )}
    </>
  )
}
