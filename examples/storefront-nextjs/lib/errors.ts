/**
 * A readable message for a failed Medusa call (the SDK throws FetchError with the server's message and
 * status). Branch on the plugin's `code` only where it is kept (StoreRequestError, the sign-in sequence).
 */
export function errorMessage(err: unknown): string {
  const status = (err as { status?: unknown })?.status;
  const message = err instanceof Error ? err.message : String(err);
  return typeof status === "number" ? `${message} (HTTP ${status})` : message;
}
