/** One lock per quote: respond, accept and reject never interleave. */
export const quoteLockKey = (quoteId: string) => `role-sync:quote:${quoteId}`
