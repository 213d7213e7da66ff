import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_META_MODULE } from "../../../modules/customer-meta"
import type CustomerMetaModuleService from "../../../modules/customer-meta/service"
import type { CustomerMetaDTO } from "../../../modules/customer-meta/types"
import { clearCustomerRoleCache } from "../../../utils/customer-role-cache"
import type { RoleClaims } from "../../../utils/role-claims"

export type UpsertCustomerMetaStepInput = {
  customer_id: string
  clerk_user_id: string
  claims: RoleClaims
  /** Clerk's updated_at (ms) of the user data the claims come from. */
  clerk_updated_at?: number | null
}

export type UpsertCustomerMetaStepOutput = {
  customer_meta: CustomerMetaDTO
  created: boolean
  changed: boolean
  /** A verified business changed its type, company or tax ID (rule 3). */
  verification_reset: boolean
  /** The data is older than what was already applied (a late webhook). */
  stale: boolean
  /** A tax ID was set or changed (canonical forms compared): VIES may check it. */
  tax_id_changed: boolean
}

type Compensation =
  | { action: "delete"; id: string }
  | { action: "restore"; previous: CustomerMetaDTO }
  | null

const ROLE_FIELDS = ["account_type", "company_name", "tax_id"] as const

// Statuses only a VIES check sets: an unchanged number keeps them.
const VIES_STATUSES = new Set(["pending", "valid", "invalid"])

/**
 * What the tax columns become. Rule 5.3 compares canonical forms, so a
 * number that is the same once canonical is no change: it keeps its VIES
 * state and may only gain a country (from tax_country) or a status from
 * today's validation. A new or different number (or the same digits
 * claimed for another country) starts over: no check, no flag.
 */
function taxIdUpdate(existing: CustomerMetaDTO, claims: RoleClaims) {
  const sameNumber = (existing.tax_id ?? null) === (claims.tax_id ?? null)
  const countryConflict =
    sameNumber &&
    !!existing.tax_id_country &&
    !!claims.tax_id_country &&
    existing.tax_id_country !== claims.tax_id_country &&
    existing.tax_id_status !== "format_invalid"
  if (!sameNumber || countryConflict) {
    return {
      changed: true,
      data: {
        tax_id_country: claims.tax_id_country,
        tax_id_status: claims.tax_id_status,
        tax_id_checked_at: null,
        tax_id_check_id: null,
        tax_id_flagged_at: null,
      },
    }
  }
  if (!claims.tax_id) {
    return { changed: false, data: {} }
  }
  const data: Record<string, unknown> = {}
  const country = claims.tax_id_country ?? existing.tax_id_country
  if (country !== existing.tax_id_country) {
    data.tax_id_country = country
  }
  if (
    !VIES_STATUSES.has(existing.tax_id_status ?? "") &&
    claims.tax_id_status !== existing.tax_id_status
  ) {
    data.tax_id_status = claims.tax_id_status
  }
  return { changed: false, data }
}

/**
 * Creates or updates the customer's role from the Clerk claims. Unchanged
 * data writes nothing (rule 5), so `updated_at` only moves on real change.
 */
export const upsertCustomerMetaStepId = "role-sync-upsert-customer-meta"

export const upsertCustomerMetaStep = createStep(
  upsertCustomerMetaStepId,
  async (input: UpsertCustomerMetaStepInput, { container }) => {
    const service: CustomerMetaModuleService =
      container.resolve(CUSTOMER_META_MODULE)

    // resolveSyncTargetStep already refused a customer owned by another
    // Clerk user; the unique indexes are the backstop.
    const existing = await service.retrieveByClerkUserId(input.clerk_user_id)

    const incomingAt = input.clerk_updated_at ? new Date(input.clerk_updated_at) : null

    if (!existing) {
      const created = (await service.createCustomerMetas({
        customer_id: input.customer_id,
        clerk_user_id: input.clerk_user_id,
        ...input.claims,
        clerk_updated_at: incomingAt,
      })) as CustomerMetaDTO
      return new StepResponse<UpsertCustomerMetaStepOutput, Compensation>(
        {
          customer_meta: created,
          created: true,
          changed: true,
          verification_reset: false,
          stale: false,
          tax_id_changed: !!input.claims.tax_id,
        },
        { action: "delete", id: created.id }
      )
    }

    const appliedAt = existing.clerk_updated_at
      ? new Date(existing.clerk_updated_at).getTime()
      : null
    if (incomingAt && appliedAt && incomingAt.getTime() < appliedAt) {
      return new StepResponse<UpsertCustomerMetaStepOutput, Compensation>(
        {
          customer_meta: existing,
          created: false,
          changed: false,
          verification_reset: false,
          stale: true,
          tax_id_changed: false,
        },
        null
      )
    }

    const tax = taxIdUpdate(existing, input.claims)
    const roleChanged =
      tax.changed ||
      ROLE_FIELDS.some(
        (field) => (existing[field] ?? null) !== (input.claims[field] ?? null)
      )
    // The customer it was bound to was deleted: the role moves to the new one.
    const bindingChanged = existing.customer_id !== input.customer_id
    const taxEnriched = Object.keys(tax.data).length > 0 && !tax.changed

    if (!roleChanged && !bindingChanged && !taxEnriched) {
      // Newer data with the same role still moves the watermark (and only
      // it), else an older delivery arriving later could roll the role back.
      // Monotonic and true whatever happens next: nothing to compensate.
      if (incomingAt && (!appliedAt || incomingAt.getTime() > appliedAt)) {
        await service.advanceClerkWatermark(existing.id, incomingAt)
      }
      return new StepResponse<UpsertCustomerMetaStepOutput, Compensation>(
        {
          customer_meta: existing,
          created: false,
          changed: false,
          verification_reset: false,
          stale: false,
          tax_id_changed: false,
        },
        null
      )
    }

    const verificationReset = roleChanged && existing.is_verified
    const { tax_id_country: _country, tax_id_status: _status, ...roleClaims } = input.claims
    const updated = (await service.updateCustomerMetas({
      id: existing.id,
      customer_id: input.customer_id,
      ...roleClaims,
      ...tax.data,
      ...(incomingAt ? { clerk_updated_at: incomingAt } : {}),
      ...(verificationReset || input.claims.account_type !== "business"
        ? { is_verified: false, verified_at: null, verified_by: null }
        : {}),
    })) as CustomerMetaDTO

    return new StepResponse<UpsertCustomerMetaStepOutput, Compensation>(
      {
        customer_meta: updated,
        created: false,
        changed: true,
        verification_reset: verificationReset,
        stale: false,
        tax_id_changed: tax.changed && !!input.claims.tax_id,
      },
      { action: "restore", previous: existing }
    )
  },
  async (compensation, { container }) => {
    if (!compensation) {
      return
    }
    const service: CustomerMetaModuleService =
      container.resolve(CUSTOMER_META_MODULE)
    if (compensation.action === "delete") {
      const [created] = await service.listCustomerMetas({ id: compensation.id }, { select: ["customer_id"] })
      await service.deleteCustomerMetas(compensation.id)
      // A guarded request in between may have cached the undone role.
      await clearCustomerRoleCache(container, created ? [created.customer_id] : [])
      return
    }
    const { previous } = compensation
    await service.updateCustomerMetas({
      id: previous.id,
      customer_id: previous.customer_id,
      clerk_user_id: previous.clerk_user_id,
      account_type: previous.account_type,
      company_name: previous.company_name,
      tax_id: previous.tax_id,
      tax_id_country: previous.tax_id_country ?? null,
      tax_id_status: previous.tax_id_status ?? null,
      tax_id_checked_at: (previous.tax_id_checked_at ?? null) as Date | null,
      tax_id_check_id: previous.tax_id_check_id ?? null,
      tax_id_flagged_at: (previous.tax_id_flagged_at ?? null) as Date | null,
      is_verified: previous.is_verified,
      verified_at: previous.verified_at as Date | null,
      verified_by: previous.verified_by,
      clerk_updated_at: (previous.clerk_updated_at ?? null) as Date | null,
    })
    await clearCustomerRoleCache(container, [previous.customer_id])
  }
)
