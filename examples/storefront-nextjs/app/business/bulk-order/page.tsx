"use client";

import { useState, type FormEvent } from "react";
import { BusinessFallback } from "@/components/BusinessFallback";
import { errorMessage } from "@/lib/errors";
import { BusinessOnly, useRoleSync } from "@/lib/role-sync";

type Line = { by: "sku" | "variant_id"; value: string; quantity: string };
type Cart = {
  id: string;
  currency_code?: string;
  total?: number;
  items?: { id: string; title?: string; quantity: number }[];
};

const emptyLine = (): Line => ({ by: "sku", value: "", quantity: "1" });

export default function BulkOrderPage() {
  return (
    <>
      <h1>Bulk order</h1>
      <BusinessOnly fallback={<BusinessFallback />}>
        <BulkOrder />
      </BusinessOnly>
    </>
  );
}

function BulkOrder() {
  const { sdk } = useRoleSync();
  const [lines, setLines] = useState<Line[]>([emptyLine()]);
  const [regionId, setRegionId] = useState("");
  const [cart, setCart] = useState<Cart | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const setLine = (index: number, patch: Partial<Line>) =>
    setLines((current) => current.map((line, i) => (i === index ? { ...line, ...patch } : line)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setCart(null);
    setSubmitting(true);
    try {
      const { cart } = await sdk.client.fetch<{ cart: Cart }>("/store/orders/create-bulk", {
        method: "POST",
        body: {
          items: lines.map((line) => ({ [line.by]: line.value.trim(), quantity: Number(line.quantity) })),
          ...(regionId.trim() ? { region_id: regionId.trim() } : {}),
        },
      });
      setCart(cart);
    } catch (err) {
      // All or nothing: a 400 names every bad line by index, and no cart was created.
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
            <span className="muted">#{index}</span>
            <label>
              By
              <select value={line.by} onChange={(e) => setLine(index, { by: e.target.value as Line["by"] })}>
                <option value="sku">SKU</option>
                <option value="variant_id">Variant ID</option>
              </select>
            </label>
            <label>
              {line.by === "sku" ? "SKU" : "Variant ID"}
              <input required value={line.value} onChange={(e) => setLine(index, { value: e.target.value })} />
            </label>
            <label>
              Quantity
              <input
                required
                type="number"
                min={1}
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
          Region ID (optional)
          <input value={regionId} onChange={(e) => setRegionId(e.target.value)} placeholder="reg_…" />
        </label>
        <button type="submit" disabled={submitting}>
          {submitting ? "Creating cart…" : "Create cart"}
        </button>
        {error && <p className="error">{error}</p>}
      </form>

      {cart && (
        <section>
          <h2>Cart {cart.id}</h2>
          <ul>
            {cart.items?.map((item) => (
              <li key={item.id}>
                {item.quantity} × {item.title ?? item.id}
              </li>
            ))}
          </ul>
          {cart.total !== undefined && (
            <p>
              Total: {cart.total} {cart.currency_code?.toUpperCase()}
            </p>
          )}
          <p className="muted">Prices include your customer group&apos;s price lists. Complete it at checkout.</p>
        </section>
      )}
    </>
  );
}
