import type { User } from "@clerk/backend"

/** The part of a Clerk user the plugin needs, serializable for workflows. */
export type ClerkUserSnapshot = {
  id: string
  email: string | null
  email_verified: boolean
  first_name: string | null
  last_name: string | null
  unsafe_metadata: Record<string, unknown>
  public_metadata: Record<string, unknown>
  /** Clerk's `updated_at` (ms): orders webhook deliveries. */
  updated_at: number
}

/**
 * Clerk user JSON that does not have the shape the plugin needs: a webhook
 * answers 400 with `message`.
 */
export class ClerkUserPayloadError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "ClerkUserPayloadError"
  }
}

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value)

const MAX_ID_LENGTH = 255

/** `data.id` of any user event (`user.created`, `user.updated`, `user.deleted`). */
export function clerkUserIdFromJson(data: unknown): string {
  if (!isObject(data)) {
    throw new ClerkUserPayloadError("data must be an object (the Clerk user)")
  }
  const { id } = data
  if (typeof id !== "string" || !id.trim() || id.length > MAX_ID_LENGTH) {
    throw new ClerkUserPayloadError(
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
    throw new ClerkUserPayloadError(`data.${field} must be a string or null`)
  }
  return value
}

const metadata = (data: Json, field: string): Record<string, unknown> => {
  const value = data[field]
  if (value === undefined || value === null) {
    return {}
  }
  if (!isObject(value)) {
    throw new ClerkUserPayloadError(`data.${field} must be an object`)
  }
  return value
}

/**
 * A Clerk user in the Backend API's JSON (snake_case), as `GET /v1/users/:id`
 * answers and as `user.created` / `user.updated` webhooks carry it, turned
 * into the snapshot the sync workflow takes: one converter, so the API and
 * the webhook agree on who a user is (primary email lower-cased, whether
 * Clerk verified it).
 *
 * The content is trusted (it comes from Clerk), not the shape: anything
 * missing or mistyped throws `ClerkUserPayloadError`. `updated_at` is
 * required because it orders webhook deliveries.
 */
export function clerkUserSnapshotFromJson(data: unknown): ClerkUserSnapshot {
  const id = clerkUserIdFromJson(data)
  const user = data as Json

  if (user.object !== undefined && user.object !== "user") {
    throw new ClerkUserPayloadError(
      `data.object must be "user", got ${JSON.stringify(user.object)}`
    )
  }

  const updatedAt = user.updated_at
  if (
    typeof updatedAt !== "number" ||
    !Number.isSafeInteger(updatedAt) ||
    updatedAt <= 0
  ) {
    throw new ClerkUserPayloadError(
      "data.updated_at must be Clerk's update time in milliseconds"
    )
  }

  const emails = user.email_addresses ?? []
  if (!Array.isArray(emails) || !emails.every(isObject)) {
    throw new ClerkUserPayloadError("data.email_addresses must be an array of objects")
  }
  const primaryId = optionalString(user, "primary_email_address_id")
  const primary = primaryId
    ? (emails as Json[]).find((e) => e.id === primaryId) ?? null
    : null
  const address = primary?.email_address
  if (primary && typeof address !== "string") {
    throw new ClerkUserPayloadError(
      "data.email_addresses[].email_address must be a string"
    )
  }
  const verification = primary?.verification

  return {
    id,
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

/** A user loaded with `@clerk/backend`: converted from the JSON it came as. */
export function toClerkUserSnapshot(user: User): ClerkUserSnapshot {
  return clerkUserSnapshotFromJson(user.raw)
}
