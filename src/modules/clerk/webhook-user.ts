import type { ClerkUserSnapshot } from "./clerk-user"

/**
 * A webhook payload that is signed (so it comes from Clerk) but does not have
 * the shape the plugin needs. The route answers 400 with `message`.
 */
export class ClerkWebhookPayloadError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "ClerkWebhookPayloadError"
  }
}

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value)

const MAX_ID_LENGTH = 255

/** `data.id` of any user event (`user.created`, `user.updated`, `user.deleted`). */
export function clerkUserIdFromWebhookData(data: unknown): string {
  if (!isObject(data)) {
    throw new ClerkWebhookPayloadError("data must be an object (the Clerk user)")
  }
  const { id } = data
  if (typeof id !== "string" || !id.trim() || id.length > MAX_ID_LENGTH) {
    throw new ClerkWebhookPayloadError(
      `data.id must be the Clerk user id (a non-empty string of at most ${MAX_ID_LENGTH} characters)`
    )
  }
  return id
}

const optionalString = (data: Json, field: string): string | null => {
  const value = data[field]
  if (value === undefined || value === null) {
    return null
  }
  if (typeof value !== "string") {
    throw new ClerkWebhookPayloadError(`data.${field} must be a string or null`)
  }
  return value
}

const metadata = (data: Json, field: string): Record<string, unknown> => {
  const value = data[field]
  if (value === undefined || value === null) {
    return {}
  }
  if (!isObject(value)) {
    throw new ClerkWebhookPayloadError(`data.${field} must be an object`)
  }
  return value
}

/**
 * Converts the `data` of a `user.created` / `user.updated` webhook (Clerk's
 * Backend API JSON, snake_case, not the SDK's `User` class) into the
 * snapshot the sync workflow takes, the same fields `toClerkUserSnapshot`
 * reads from a `User`: the primary email (lower-cased) and whether Clerk
 * verified it, the names, both metadata objects and `updated_at`.
 *
 * The payload is trusted for its content (its signature was checked), not
 * for its shape: anything missing or mistyped throws
 * `ClerkWebhookPayloadError`. `updated_at` is required because it orders
 * deliveries: without it a late delivery could overwrite newer data.
 */
export function clerkUserSnapshotFromWebhookData(data: unknown): ClerkUserSnapshot {
  const id = clerkUserIdFromWebhookData(data)
  const user = data as Json

  if (user.object !== undefined && user.object !== "user") {
    throw new ClerkWebhookPayloadError(
      `data.object must be "user", got ${JSON.stringify(user.object)}`
    )
  }

  const updatedAt = user.updated_at
  if (
    typeof updatedAt !== "number" ||
    !Number.isSafeInteger(updatedAt) ||
    updatedAt <= 0
  ) {
    throw new ClerkWebhookPayloadError(
      "data.updated_at must be Clerk's update time in milliseconds"
    )
  }

  const emails = user.email_addresses ?? []
  if (!Array.isArray(emails) || !emails.every(isObject)) {
    throw new ClerkWebhookPayloadError("data.email_addresses must be an array of objects")
  }
  const primaryId = optionalString(user, "primary_email_address_id")
  const primary = primaryId
    ? (emails as Json[]).find((e) => e.id === primaryId) ?? null
    : null
  const address = primary?.email_address
  if (primary && typeof address !== "string") {
    throw new ClerkWebhookPayloadError(
      "data.email_addresses[].email_address must be a string"
    )
  }
  const verification = primary?.verification

  return {
    id,
    // Same normalization as toClerkUserSnapshot, so the API and the webhook
    // agree on who a user is.
    email: typeof address === "string" && address ? address.toLowerCase() : null,
    email_verified:
      isObject(verification) && verification.status === "verified",
    first_name: optionalString(user, "first_name"),
    last_name: optionalString(user, "last_name"),
    unsafe_metadata: metadata(user, "unsafe_metadata"),
    public_metadata: metadata(user, "public_metadata"),
    updated_at: updatedAt,
  }
}
