import { fireEvent, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import BulkOrderPage from "@/app/business/bulk-order/page";
import QuotesPage from "@/app/business/quotes/page";
import { resetClerk, signInAs } from "./helpers/clerkMock";
import { PUBLISHABLE_KEY, customerMeta, fakeBackend, signInRoutes } from "./helpers/fakeBackend";
import { renderInProvider } from "./helpers/render";

vi.mock("@clerk/nextjs", () => import("./helpers/clerkMock"));

beforeEach(() => resetClerk());

const type = (label: string, value: string, index = 0) =>
  fireEvent.change(screen.getAllByLabelText(label)[index], { target: { value } });

const quote = {
  id: "quote_1",
  status: "requested",
  customer_id: "cus_1",
  items: [{ variant_id: "variant_a", quantity: 10 }],
  message: "Net 30?",
  created_at: "2026-01-05T10:00:00.000Z",
};

describe("business pages", () => {
  it("quotes: an individual sees the fallback and no store call is made", async () => {
    const backend = fakeBackend(signInRoutes(customerMeta("individual")));
    signInAs({ accountType: "individual" });
    renderInProvider(<QuotesPage />);

    await screen.findByText(/This page is for business accounts/);
    expect(screen.queryByRole("button", { name: "Request quote" })).toBeNull();
    expect(backend.routesCalled()).not.toContain("GET /store/quotes");
  });

  it("quotes: lists the caller's quotes and requests a new one", async () => {
    const backend = fakeBackend({
      ...signInRoutes(customerMeta("business")),
      "GET /store/quotes": { status: 200, body: { quotes: [quote] } },
      "POST /store/quotes/request": ({ body }) => ({
        status: 201,
        body: { quote: { ...quote, id: "quote_2", message: null, ...(body as object) } },
      }),
    });
    signInAs({ accountType: "business", company: "Acme GmbH" });
    renderInProvider(<QuotesPage />);

    await screen.findByText(/10 × variant_a/);
    type("Variant ID", "variant_b");
    type("Quantity", "5");
    fireEvent.click(screen.getByRole("button", { name: "Add line" }));
    type("Variant ID", "variant_c", 1);
    type("Quantity", "7", 1);
    fireEvent.click(screen.getByRole("button", { name: "Request quote" }));

    await screen.findByText(/5 × variant_b, 7 × variant_c/);
    const request = backend.calls.find((c) => c.path === "/store/quotes/request")!;
    expect(request.method).toBe("POST");
    expect(request.body).toEqual({
      items: [
        { variant_id: "variant_b", quantity: 5 },
        { variant_id: "variant_c", quantity: 7 },
      ],
    });
    expect(request.headers.authorization).toBe("Bearer medusa_identity_token");
    expect(request.headers["x-publishable-api-key"]).toBe(PUBLISHABLE_KEY);
  });

  it("bulk order: sends sku and variant_id lines and shows the 400 listing bad lines", async () => {
    const message = "Line 1: unknown SKU 'NOPE'";
    const backend = fakeBackend({
      ...signInRoutes(customerMeta("business", { verified: true })),
      "POST /store/orders/create-bulk": { status: 400, body: { type: "invalid_data", message } },
    });
    signInAs({ accountType: "business", company: "Acme GmbH" });
    renderInProvider(<BulkOrderPage />);

    await screen.findByRole("button", { name: "Create cart" });
    type("SKU", "SKU-1");
    type("Quantity", "3");
    fireEvent.click(screen.getByRole("button", { name: "Add line" }));
    fireEvent.change(screen.getAllByLabelText("By")[1], { target: { value: "variant_id" } });
    type("Variant ID", "NOPE");
    type("Quantity", "2", 1);
    type("Region ID (optional)", "reg_eu");
    fireEvent.click(screen.getByRole("button", { name: "Create cart" }));

    await screen.findByText(`${message} (HTTP 400)`);
    const request = backend.calls.find((c) => c.path === "/store/orders/create-bulk")!;
    expect(request.body).toEqual({
      items: [
        { sku: "SKU-1", quantity: 3 },
        { variant_id: "NOPE", quantity: 2 },
      ],
      region_id: "reg_eu",
    });
    expect(request.headers.authorization).toBe("Bearer medusa_identity_token");
    expect(screen.queryByText(/^Cart /)).toBeNull();
  });

  it("bulk order: shows the created cart", async () => {
    fakeBackend({
      ...signInRoutes(customerMeta("business")),
      "POST /store/orders/create-bulk": {
        status: 201,
        body: {
          cart: { id: "cart_1", currency_code: "eur", total: 4200, items: [{ id: "li_1", title: "Widget", quantity: 3 }] },
        },
      },
    });
    signInAs({ accountType: "business", company: "Acme GmbH" });
    renderInProvider(<BulkOrderPage />);

    await screen.findByRole("button", { name: "Create cart" });
    type("SKU", "SKU-1");
    type("Quantity", "3");
    fireEvent.click(screen.getByRole("button", { name: "Create cart" }));

    await screen.findByText("Cart cart_1");
    expect(screen.getByText("3 × Widget")).toBeInTheDocument();
    expect(screen.getByText("Total: 4200 EUR")).toBeInTheDocument();
  });
});
