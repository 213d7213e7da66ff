// The event names live with the workflows that emit them; hosts import them here.
export { RoleSyncEvents, type RoleSyncEventName } from "../utils/events"

/** Payload of every `quote_request.*` event (ids only). */
export type QuoteRequestEventData = {
  id: string
  customer_id: string
  /** Only on `quote_request.accepted`: the cart holding the quoted prices. */
  cart_id?: string
}
