/**
 * A message a person can act on, from whatever a failed request threw. The
 * js-sdk throws a FetchError whose message is the API's `message` field.
 */
export const errorMessage = (error: unknown, fallback = "Something went wrong. Try again."): string => {
  if (error instanceof Error && error.message) {
    return error.message
  }
  if (typeof error === "string" && error) {
    return error
  }
  return fallback
}

/** The HTTP status of a js-sdk FetchError, when there is one. */
export const errorStatus = (error: unknown): number | undefined => {
  if (error && typeof error === "object" && "status" in error) {
    const status = (error as { status?: unknown }).status
    return typeof status === "number" ? status : undefined
  }
  return undefined
}
