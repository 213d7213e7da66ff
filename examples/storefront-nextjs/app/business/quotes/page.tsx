"use client";

import { useEffect, useState, type FormEvent } from "react";
import { BusinessFallback } from "@/components/BusinessFallback";
import { errorMessage } from "@/lib/errors";
import { BusinessOnly, useRoleSync } from "@/lib/role-sync";

type QuoteItem = { variant_id: string; quantity: number };
type Quote = {
  id: string;
  /** The number people use for it ("#12"). */
  display_id?: number;
  status: string;
  customer_id: string;
  items: QuoteItem[];
  message: string | null;
  created_at: string;
};
type Line = { variant_id: string; quantity: string };

const emptyLine = (): Line => ({ variant_id: "", quantity: "1" });

export default function QuotesPage() {
  return (
    <>
      <h1>Request a quote</h1>
      <BusinessOnly fallback={<BusinessFallback />}>
        <Quotes />
      </BusinessOnly>
    </>
  );
}

function Quotes() {
  const { sdk, token } = useRoleSync();
  const [lines, setLines] = useState<Line[]>([emptyLine()]);
  const [message, setMessage] = useState("");
  const [quotes, setQuotes] = useState<Quote[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    if (!token) return;
    sdk.client
      .fetch<{ quotes: Quote[] }>("/store/quotes")
      .then(({ quotes }) => setQuotes(quotes))
      .catch((err) => setError(errorMessage(err)));
  }, [sdk, token]);

  const setLine = (index: number, patch: Partial<Line>) =>
    setLines((current) => current.map((line, i) => (i === index ? { ...line, ...patch } : line)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSubmitting(true);
    try {
      const { quote } = await sdk.client.fetch<{ quote: Quote }>("/store/quotes/request", {
        method: "POST",
        body: {
          items: lines.map((line) => ({ variant_id: line.variant_id.trim(), quantity: Number(line.quantity) })),
          ...(message.trim() ? { message: message.trim() } : {}),
        },
      });
      setQuotes((current) => [quote, ...current]);
      setLines([emptyLine()]);
      setMessage("");
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <>
      <form onSubmit={submit}>
        {lines.map((line, index) => (
          <div className="line" key={index}>
            <label>
              Variant ID
              <input
                required
                value={line.variant_id}
                onChange={(e) => setLine(index, { variant_id: e.target.value })}
                placeholder="variant_…"
              />
            </label>
            <label>
              Quantity
              <input
                required
                type="number"
                min={1}
                max={100000}
                value={line.quantity}
                onChange={(e) => setLine(index, { quantity: e.target.value })}
              />
            </label>
            {lines.length > 1 && (
              <button type="button" onClick={() => setLines((current) => current.filter((_, i) => i !== index))}>
                Remove
              </button>
            )}
          </div>
        ))}
        <div>
          <button type="button" onClick={() => setLines((current) => [...current, emptyLine()])}>
            Add line
          </button>
        </div>
        <label>
          Message (optional)
          <textarea value={message} maxLength={2000} onChange={(e) => setMessage(e.target.value)} />
        </label>
        <button type="submit" disabled={submitting}>
          {submitting ? "Sending…" : "Request quote"}
        </button>
        {error && <p className="error">{error}</p>}
      </form>

      <h2>Your quotes</h2>
      {quotes.length === 0 ? (
        <p className="muted">No quotes yet.</p>
      ) : (
        <ul>
          {quotes.map((quote) => (
            <li key={quote.id}>
              {quote.display_id ? `#${quote.display_id} · ` : ""}
              {new Date(quote.created_at).toLocaleString()} · {quote.status} ·{" "}
              {quote.items.map((item) => `${item.quantity} × ${item.variant_id}`).join(", ")}
              {quote.message && <div className="muted">{quote.message}</div>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
