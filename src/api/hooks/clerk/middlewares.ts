import type { MiddlewareRoute } from "@medusajs/framework/http"

export const CLERK_WEBHOOK_PATH = "/hooks/clerk"

/**
 * `POST /hooks/clerk` takes no customer or admin authentication: the Svix
 * signature over the exact bytes Clerk sent is the authentication. Medusa
 * keeps those bytes in `req.rawBody` when the route asks for it.
 */
export const clerkWebhookRoutesMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: CLERK_WEBHOOK_PATH,
    // A full Clerk user (three metadata objects of up to 8 KB each, several
    // emails, phones and external accounts) stays far below 1 MB.
    bodyParser: { preserveRawBody: true, sizeLimit: "1mb" },
  },
]
