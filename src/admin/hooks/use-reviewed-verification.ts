import { toast, usePrompt } from "@medusajs/ui"
import { useCallback } from "react"
import { errorMessage, errorStatus } from "../lib/error-message"

/** How often the admin is asked again when the record keeps changing under them. */
const MAX_REVIEWS = 3

/** What differs between two versions of a record, for the admin: "Company: A → B." */
export type ChangeField<T> = { label: string; value: (row: T) => string | null | undefined }

export const describeChanges = <T,>(fields: ChangeField<T>[], before: T, after: T): string => {
  const lines = fields.flatMap(({ label, value }) => {
    const a = value(before) ?? ""
    const b = value(after) ?? ""
    return a === b ? [] : [`${label}: ${a || "none"} → ${b || "none"}.`]
  })
  return lines.length ? lines.join(" ") : "It was synced again; what you see did not change."
}

export type ReviewedVerificationConfig<T> = {
  /** "Business" or "Company", for the toasts ("Company verified"). */
  kind: string
  isVerified: (row: T) => boolean
  /** "Acme GmbH" */
  name: (row: T) => string
  /** What the admin reviewed, inside a sentence: "Acme GmbH, tax ID DE… (registered per VIES)". */
  describe: (row: T) => string
  /** The fields whose change the admin is told about after a 409. */
  fields: ChangeField<T>[]
  /** What verifying / unverifying changes, in one or two sentences. */
  verifyEffect: string
  unverifyEffect: string
  /** The request, carrying the version the admin reviewed (`expected_updated_at`). */
  send: (row: T, verified: boolean) => Promise<unknown>
  /** The record as it is now (and every view of it refreshed). */
  reload: (row: T) => Promise<T | null>
  /** Why the reloaded record can't take this action any more (e.g. no longer a business), or null. */
  refuse?: (row: T) => string | null
}

/**
 * Verify or unverify what the admin reviewed (DESIGN §9 rule 4), the way the
 * dashboard does consequential things: ask first, saying what changes; send
 * the reviewed version; say how it went in a toast.
 *
 * When the record changed since it was loaded (a Clerk sync renamed the
 * company, VIES answered, another admin acted) the server answers `409
 * version_conflict` and writes nothing. The current record is loaded (every
 * view of it refreshes), the admin is told what changed and asked again,
 * and a yes is sent with the new version.
 */
export const useReviewedVerification = <T,>(config: ReviewedVerificationConfig<T>) => {
  const prompt = usePrompt()
  const { kind, isVerified, name, describe, fields, verifyEffect, unverifyEffect, send, reload, refuse } = config

  return useCallback(
    async (reviewed: T) => {
      const verify = !isVerified(reviewed)
      const confirmed = await prompt({
        title: verify ? `Verify ${name(reviewed)}?` : `Remove the verification of ${name(reviewed)}?`,
        description: verify ? `You reviewed ${describe(reviewed)}. ${verifyEffect}` : unverifyEffect,
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
          await send(current, verify)
          toast.success(verify ? `${kind} verified` : "Verification removed", {
            description: verify
              ? `${name(current)} is now a verified ${kind.toLowerCase()}.`
              : `${name(current)} is no longer verified.`,
          })
          return
        } catch (error) {
          if (errorStatus(error) !== 409) {
            toast.error(verify ? `Could not verify the ${kind.toLowerCase()}` : "Could not remove the verification", {
              description: errorMessage(error),
            })
            return
          }
        }

        // 409 version_conflict: nothing was written. Show what changed, ask again.
        let fresh: T | null
        try {
          fresh = await reload(current)
        } catch (error) {
          toast.error("It changed and could not be reloaded", { description: errorMessage(error) })
          return
        }
        const refusal = fresh ? refuse?.(fresh) : "It no longer exists."
        if (!fresh || refusal) {
          toast.error("Nothing was changed", { description: refusal ?? undefined })
          return
        }
        if (isVerified(fresh) === verify) {
          toast.info(verify ? "Already verified" : "Already unverified", {
            description: `${describeChanges(fields, current, fresh)} Nothing else to do.`,
          })
          return
        }
        if (review === MAX_REVIEWS) {
          toast.error("Nothing was changed", {
            description: "It keeps changing while you review it. Look at it again in a moment.",
          })
          return
        }
        const again = await prompt({
          title: `${name(fresh)} changed since you reviewed it`,
          description: `Nothing was changed yet. ${describeChanges(fields, current, fresh)} ${
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
    [prompt, kind, isVerified, name, describe, fields, verifyEffect, unverifyEffect, send, reload, refuse]
  )
}
