import type { TaxIdProblem } from "./types"

/**
 * A tax ID (or its country hint) that the rules refuse. Free of Medusa so
 * that every caller maps it to its own answer: the role sync to
 * `422 invalid_metadata` naming `unsafe_metadata.tax_id`, a company route to
 * its body field.
 */
export class TaxIdValidationError extends Error {
  constructor(
    /** `tax_id`, or `tax_country` when the country hint is what is wrong. */
    readonly field: "tax_id" | "tax_country",
    readonly problem: TaxIdProblem,
    /** Says what is wrong without naming the field: callers prefix it. */
    readonly reason: string,
    /** ISO country whose rules the number broke, when known. */
    readonly country: string | null = null
  ) {
    super(`${field} ${reason}`)
    this.name = "TaxIdValidationError"
  }

  /** The message with the caller's name for the field, e.g. `unsafe_metadata.taxId`. */
  messageFor(fieldName: string): string {
    return `${fieldName} ${this.reason}`
  }
}

export const isTaxIdValidationError = (e: unknown): e is TaxIdValidationError =>
  e instanceof TaxIdValidationError
