import { z } from "@medusajs/framework/zod"
import { ClerkMembershipJson, ClerkOrganizationJson } from "./clerk-organization"
import { ClerkId, ClerkUserJson } from "./clerk-user"

/**
 * The Clerk webhook events the plugin applies, as Svix delivers them
 * (`{ type, data, object: "event", timestamp }`,
 * https://clerk.com/docs/webhooks/overview#payload-structure). One schema,
 * discriminated by `type`; any other type is acknowledged and ignored.
 */
export const ClerkWebhookEvent = z.discriminatedUnion("type", [
  z.object({
    type: z.enum(["user.created", "user.updated"]),
    data: ClerkUserJson,
  }),
  z.object({
    type: z.literal("user.deleted"),
    // A deleted user carries only `{ object: "user", id, deleted: true }`.
    data: z.object({ id: ClerkId }),
  }),
  // Companies (DESIGN §10 rule 7). Payload types of @clerk/backend's
  // OrganizationWebhookEvent / OrganizationMembershipWebhookEvent.
  z.object({
    type: z.enum(["organization.created", "organization.updated"]),
    data: ClerkOrganizationJson,
  }),
  z.object({
    type: z.literal("organization.deleted"),
    // `DeletedObjectJSON`: `{ object: "organization", id, deleted: true }`.
    data: z.object({ id: ClerkId }),
  }),
  z.object({
    // A deleted membership carries the whole membership, as the others do.
    type: z.enum([
      "organizationMembership.created",
      "organizationMembership.updated",
      "organizationMembership.deleted",
    ]),
    data: ClerkMembershipJson,
  }),
])

export type ClerkWebhookEvent = z.infer<typeof ClerkWebhookEvent>
export type ClerkWebhookEventType = ClerkWebhookEvent["type"]

/** The event types the plugin applies (anything else is ignored with 200). */
export const CLERK_WEBHOOK_EVENT_TYPES = ClerkWebhookEvent.options.flatMap(
  (option) => {
    const type = option.shape.type
    return "options" in type ? [...type.options] : [type.value]
  }
) as ClerkWebhookEventType[]
