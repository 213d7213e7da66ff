import { z } from "@medusajs/framework/zod"
import type { User } from "@clerk/backend"
import { textProblem } from "../../utils/text-input"

/** The part of a Clerk user the plugin needs, serializable for workflows. */
export type ClerkUserSnapshot = {
  id: string
  /** The primary email address, lower-cased; null without one. */
  email: string | null
  /** Clerk verified the primary email address. */
  email_verified: boolean
  first_name: string | null
  last_name: string | null
  unsafe_metadata: Record<string, unknown>
  public_metadata: Record<string, unknown>
  /** Clerk's `updated_at` (ms since the epoch): orders webhook deliveries. */
  updated_at: number
}

const MAX_ID_LENGTH = 255

/** A Clerk object id (`user_…`, `org_…`, `orgmem_…`). */
export const ClerkId = z
  .string({ error: "must be a Clerk id (a string)" })
  .trim()
  .min(1, { error: "must be a non-empty Clerk id" })
  .max(MAX_ID_LENGTH, { error: `must be a Clerk id of at most ${MAX_ID_LENGTH} characters` })
  // Stored and matched as text: NUL, control and bidi characters never are.
  .refine((id) => !textProblem(id), { error: "must be a Clerk id (printable characters only)" })

const metadata = z
  .record(z.string(), z.unknown(), { error: "must be an object" })
  .nullish()
  .transform((value) => value ?? {})

const EmailAddress = z.object({
  id: z.string(),
  email_address: z.string({ error: "must be a string" }),
  verification: z.object({ status: z.string().nullish() }).nullish(),
})

/**
 * A Clerk user in the Backend API's JSON (snake_case), as `GET /v1/users/:id`
 * answers and as `user.created` / `user.updated` webhooks carry it
 * (https://clerk.com/docs/reference/backend-api/tag/Users#operation/GetUser).
 * The one schema for Clerk users: the API and the webhook agree on who a
 * user is. The content is trusted (it comes from Clerk), not the shape.
 * `updated_at` is required because it orders webhook deliveries.
 */
export const ClerkUserJson = z
  .object({
    object: z.literal("user", { error: 'must be "user"' }).optional(),
    id: ClerkId,
    first_name: z.string({ error: "must be a string or null" }).nullish(),
    last_name: z.string({ error: "must be a string or null" }).nullish(),
    primary_email_address_id: z.string().nullish(),
    email_addresses: z
      .array(EmailAddress, { error: "must be an array of email addresses" })
      .nullish(),
    unsafe_metadata: metadata,
    public_metadata: metadata,
    updated_at: z
      .number({ error: "must be Clerk's update time in milliseconds" })
      .int({ error: "must be Clerk's update time in milliseconds" })
      .positive({ error: "must be Clerk's update time in milliseconds" }),
  })
  .transform(
    (user): ClerkUserSnapshot => {
      const primary = user.primary_email_address_id
        ? (user.email_addresses ?? []).find((e) => e.id === user.primary_email_address_id)
        : undefined
      const email = primary?.email_address.trim()
      return {
        id: user.id,
        email: email ? email.toLowerCase() : null,
        email_verified: primary?.verification?.status === "verified",
        first_name: user.first_name ?? null,
        last_name: user.last_name ?? null,
        unsafe_metadata: user.unsafe_metadata,
        public_metadata: user.public_metadata,
        updated_at: user.updated_at,
      }
    }
  )

/** `data.path: message; …` for the issues of a Clerk payload. */
export const describeClerkPayloadIssues = (issues: z.core.$ZodIssue[], root = "data") =>
  issues
    .map((issue) => `${[root, ...issue.path].filter((part) => part !== "").join(".")} ${issue.message}`)
    .join("; ")

/** A user loaded with `@clerk/backend`: converted from the JSON it came as. */
export function toClerkUserSnapshot(user: User): ClerkUserSnapshot {
  return ClerkUserJson.parse(user.raw)
}
