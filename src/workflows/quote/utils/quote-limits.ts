/** Documented limits of a quote request (README, HTTP API). */
export const QUOTE_MAX_LINES = 200
/** Per variant, after repeated lines of one variant are merged. */
export const QUOTE_MAX_QUANTITY = 100_000
/** Characters (code points) of the customer's message or the admin's note. */
export const QUOTE_MESSAGE_MAX_LENGTH = 2000
