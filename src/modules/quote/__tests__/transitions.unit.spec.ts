import {
  assertQuoteTransition,
  canTransitionQuote,
  isQuoteOfferExpired,
  QUOTE_TRANSITIONS,
  type QuoteAction,
} from "../utils/transitions"
import { QUOTE_STATUSES, type QuoteStatus } from "../types"

const quote = (status: QuoteStatus, expires_at: Date | null = null) => ({
  id: "qreq_1",
  status,
  expires_at,
})

describe("quote transitions", () => {
  const allowed: Record<QuoteAction, QuoteStatus[]> = {
    respond: ["requested", "quoted"],
    accept: ["quoted"],
    reject: ["requested", "quoted"],
    expire: ["quoted"],
  }

  it.each(Object.keys(allowed) as QuoteAction[])("%s is allowed exactly from its source states", (action) => {
    for (const status of QUOTE_STATUSES) {
      const ok = allowed[action].includes(status)
      expect({ status, ok: canTransitionQuote(quote(status), action) }).toEqual({ status, ok })
      if (ok) {
        expect(assertQuoteTransition(quote(status), action)).toBe(QUOTE_TRANSITIONS[action].to)
      } else {
        expect(() => assertQuoteTransition(quote(status), action)).toThrow(
          new RegExp(`is ${status} and cannot be`)
        )
      }
    }
  })

  it("accepted, rejected and expired are final", () => {
    for (const status of ["accepted", "rejected", "expired"] as QuoteStatus[]) {
      for (const action of Object.keys(allowed) as QuoteAction[]) {
        expect(canTransitionQuote(quote(status), action)).toBe(false)
      }
    }
  })

  it("a quoted offer past its expiry can't be accepted but can still be re-priced or rejected", () => {
    const now = new Date("2030-01-01T12:00:00Z")
    const past = quote("quoted", new Date("2030-01-01T11:59:59Z"))
    const future = quote("quoted", new Date("2030-01-01T12:00:01Z"))

    expect(isQuoteOfferExpired(past, now)).toBe(true)
    expect(isQuoteOfferExpired(future, now)).toBe(false)
    expect(isQuoteOfferExpired(quote("requested", past.expires_at), now)).toBe(false)
    expect(() => assertQuoteTransition(past, "accept", now)).toThrow(/expired on 2030-01-01T11:59:59.000Z/)
    expect(assertQuoteTransition(future, "accept", now)).toBe("accepted")
    expect(assertQuoteTransition(past, "respond", now)).toBe("quoted")
    expect(assertQuoteTransition(past, "reject", now)).toBe("rejected")
  })

  it("refusals are Medusa 400s (not_allowed)", () => {
    try {
      assertQuoteTransition(quote("accepted"), "reject")
      throw new Error("should have thrown")
    } catch (e: any) {
      expect(e.type).toBe("not_allowed")
    }
  })
})
