// The admin flow in a real browser: sign in, verify a business customer in
// the customer page widget, find it on "Business customers", answer a quote.
// Every step leaves a screenshot; the database is checked after each change.
import assert from "node:assert/strict"

const ymd = (date) => date.toISOString().slice(0, 10)

/** Sign-in, the customer widget in its four states, and the Business customers page. */
export async function runCustomerSteps({ page, baseUrl, admin, seeded, db, step, shot }) {
  const app = (p = "") => `${baseUrl}/app${p}`
  const { acme, globex, individual, guest } = seeded

  await step("log in as admin", async () => {
    await page.goto(app("/login"))
    await page.locator('input[name="email"]').fill(admin.email)
    await page.locator('input[name="password"]').fill(admin.password)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((url) => !url.pathname.endsWith("/login"), { timeout: 60_000 })
    await sidebarLink(page, "Business customers").waitFor()
    await sidebarLink(page, "Quotes").waitFor()
    return shot(page, "logged-in")
  })

  await step("widget: business customer, not verified yet", async () => {
    await page.goto(app(`/customers/${acme.customerId}`))
    const widget = page.getByTestId("customer-business-role")
    await widget.getByText(acme.company).waitFor()
    await widget.getByText("Not verified").waitFor()
    assert.equal(await widget.getByTestId("business-role-tax-id").innerText().then((t) => t.includes(acme.taxId)), true, "tax ID shown")
    await widget.scrollIntoViewIfNeeded()
    return shot(page, "customer-widget-unverified")
  })

  await step("widget: verify (confirm the prompt)", async () => {
    const widget = page.getByTestId("customer-business-role")
    await widget.getByTestId("verify-button").click()
    const dialog = page.getByRole("alertdialog")
    await dialog.getByText(`Verify ${acme.company}?`).waitFor()
    const file = await shot(page, "verify-prompt")
    await dialog.getByRole("button", { name: "Verify", exact: true }).click()
    await page.getByText("Business verified").first().waitFor()
    await widget.getByTestId("verification-status").getByText("Verified", { exact: true }).waitFor()
    await widget.getByTestId("unverify-button").waitFor()
    // Who verified: the admin's email, resolved through GET /admin/users/:id.
    await widget.getByTestId("verified-by").getByText(admin.email, { exact: false }).waitFor()
    return file
  })

  await step("database: customer_meta.is_verified is true, verified_by is the admin", async () => {
    const { rows } = await db.query(
      `SELECT is_verified, verified_by, verified_at FROM customer_meta WHERE customer_id = $1 AND deleted_at IS NULL`,
      [acme.customerId]
    )
    assert.equal(rows.length, 1, "one customer_meta row")
    assert.equal(rows[0].is_verified, true, "is_verified")
    assert.equal(rows[0].verified_by, admin.userId, "verified_by")
    assert.ok(rows[0].verified_at, "verified_at set")
    const widget = page.getByTestId("customer-business-role")
    await widget.scrollIntoViewIfNeeded()
    return shot(page, "customer-widget-verified")
  })

  await step("widget: individual customer offers no Verify", async () => {
    await page.goto(app(`/customers/${individual.customerId}`))
    const widget = page.getByTestId("customer-business-role")
    await widget.getByTestId("individual-note").waitFor()
    assert.equal(await widget.getByTestId("verify-button").count(), 0, "no Verify for an individual")
    await widget.scrollIntoViewIfNeeded()
    return shot(page, "customer-widget-individual")
  })

  await step("widget: customer without a Clerk role", async () => {
    await page.goto(app(`/customers/${guest.customerId}`))
    const widget = page.getByTestId("customer-business-role")
    await widget.getByTestId("no-clerk-role").waitFor()
    await widget.scrollIntoViewIfNeeded()
    return shot(page, "customer-widget-no-role")
  })

  await step("business customers: verified filter + search", async () => {
    await sidebarLink(page, "Business customers").click()
    await page.getByTestId("business-customers-page").waitFor()
    const rows = page.locator("table tbody tr")
    await rows.filter({ hasText: globex.company }).waitFor()
    await chooseOption(page, "verified-filter", "Verified")
    await page.getByPlaceholder("Search company, tax ID or email").fill("acme")
    const acmeRow = rows.filter({ hasText: acme.company })
    await acmeRow.waitFor()
    await acmeRow.getByText("Verified", { exact: true }).waitFor()
    await waitForCount(rows.filter({ hasText: globex.company }), 0)
    assert.equal(await rows.count(), 1, "exactly one verified business matches 'acme'")
    return shot(page, "business-customers-verified")
  })

  await step("business customers: not verified filter", async () => {
    await page.getByPlaceholder("Search company, tax ID or email").fill("")
    await chooseOption(page, "verified-filter", "Not verified")
    const rows = page.locator("table tbody tr")
    await rows.filter({ hasText: globex.company }).waitFor()
    await waitForCount(rows.filter({ hasText: acme.company }), 0)
    return shot(page, "business-customers-unverified")
  })

  await step("business customers: verify from the row action", async () => {
    const rows = page.locator("table tbody tr")
    await rows.filter({ hasText: globex.company }).getByTestId("verify-button").click()
    const dialog = page.getByRole("alertdialog")
    await dialog.getByText(`Verify ${globex.company}?`).waitFor()
    await dialog.getByRole("button", { name: "Verify", exact: true }).click()
    await page.getByText(`${globex.company} is now a verified business.`).first().waitFor()
    // The "Not verified" list refreshes: Globex leaves it.
    await waitForCount(rows.filter({ hasText: globex.company }), 0)
    const { rows: meta } = await db.query(
      `SELECT is_verified FROM customer_meta WHERE customer_id = $1 AND deleted_at IS NULL`,
      [globex.customerId]
    )
    assert.equal(meta[0]?.is_verified, true, "Globex verified in the database")
    await chooseOption(page, "verified-filter", "All businesses")
    await rows.filter({ hasText: globex.company }).getByTestId("unverify-button").waitFor()
    await rows.filter({ hasText: acme.company }).getByTestId("unverify-button").waitFor()
    return shot(page, "business-customers-all-verified")
  })
}

/** The Quotes page; one quote answered with prices, an expiry and a note, another rejected. */
export async function runQuoteSteps({ page, quote, quoteToReject, db, step, shot }) {
  await step("quotes: list filtered by status", async () => {
    await sidebarLink(page, "Quotes").click()
    await page.getByTestId("quotes-page").waitFor()
    await chooseOption(page, "quote-status-filter", "Requested")
    const row = page.locator("table tbody tr").filter({ hasText: quote.id })
    await row.waitFor()
    await row.getByText("Requested").waitFor()
    return shot(page, "quotes-requested")
  })

  const expiresOn = new Date(Date.now() + 30 * 24 * 3600 * 1000)
  await step("quote: set prices, expiry and note", async () => {
    await page.locator("table tbody tr").filter({ hasText: quote.id }).click()
    const form = page.getByTestId("quote-response-form")
    await form.waitFor()
    const inputs = form.getByTestId("quote-item-unit-price")
    assert.equal(await inputs.count(), quote.prices.length, "one price input per line")
    for (const [index, price] of quote.prices.entries()) {
      await inputs.nth(index).fill(String(price))
    }
    const total = quote.prices.reduce((sum, price, index) => sum + price * quote.quantities[index], 0)
    await form.getByTestId("quote-total").getByText(total.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ","), { exact: false }).waitFor()
    await setDate(page, form.getByTestId("quote-expiry"), expiresOn)
    await form.getByTestId("quote-note").fill(quote.note)
    return shot(page, "quote-filled")
  })

  await step("quote: send", async () => {
    const form = page.getByTestId("quote-response-form")
    await form.getByTestId("send-quote").click()
    await page.getByText("Quote sent").first().waitFor()
    await page.getByTestId("quote-summary").getByTestId("quote-status").getByText("Quoted").waitFor()
    await page.getByTestId("quote-expires-at").waitFor()
    return shot(page, "quote-sent")
  })

  await step("database: quote is quoted with the prices, expiry and note", async () => {
    const { rows } = await db.query(`SELECT status, expires_at, admin_note FROM quote_request WHERE id = $1`, [quote.id])
    assert.equal(rows[0]?.status, "quoted", "status")
    assert.equal(ymd(new Date(rows[0].expires_at)), ymd(expiresOn), "expires_at is the chosen day")
    assert.equal(rows[0].admin_note, quote.note, "admin_note")
    const items = await db.query(
      `SELECT id, quoted_unit_price::float8 AS price FROM quote_request_item WHERE quote_request_id = $1 AND deleted_at IS NULL`,
      [quote.id]
    )
    const byId = new Map(items.rows.map((r) => [r.id, r.price]))
    quote.itemIds.forEach((id, index) => assert.equal(byId.get(id), quote.prices[index], `price of line ${index + 1}`))
    await sidebarLink(page, "Quotes").click()
    await chooseOption(page, "quote-status-filter", "Quoted")
    await page.locator("table tbody tr").filter({ hasText: quote.id }).getByText("Quoted").waitFor()
    return shot(page, "quotes-quoted")
  })

  if (!quoteToReject) return
  await step("quote: reject (confirm the prompt), then read-only", async () => {
    await chooseOption(page, "quote-status-filter", "All statuses")
    await page.locator("table tbody tr").filter({ hasText: quoteToReject.id }).click()
    const form = page.getByTestId("quote-response-form")
    await form.getByTestId("quote-note").fill(quoteToReject.note)
    await form.getByTestId("reject-quote").click()
    const dialog = page.getByRole("alertdialog")
    await dialog.getByText("Reject this quote?").waitFor()
    await dialog.getByRole("button", { name: "Reject quote", exact: true }).click()
    await page.getByText("Quote rejected").first().waitFor()
    await page.getByTestId("quote-summary").getByTestId("quote-status").getByText("Rejected").waitFor()
    // Final: the lines are shown without inputs and nothing can be sent.
    await page.getByTestId("quote-items-section").waitFor()
    assert.equal(await page.getByTestId("quote-item-unit-price").count(), 0, "no price inputs on a rejected quote")
    assert.equal(await page.getByTestId("send-quote").count(), 0, "no Send on a rejected quote")
    const { rows } = await db.query(`SELECT status, rejected_by, admin_note FROM quote_request WHERE id = $1`, [quoteToReject.id])
    assert.equal(rows[0]?.status, "rejected", "status")
    assert.equal(rows[0]?.rejected_by, "admin", "rejected_by")
    assert.equal(rows[0]?.admin_note, quoteToReject.note, "admin_note")
    return shot(page, "quote-rejected")
  })
}

/** A link in the admin's sidebar (the breadcrumbs may hold a link with the same name). */
function sidebarLink(page, name) {
  return page.getByRole("navigation").getByRole("link", { name, exact: true }).first()
}

/** Opens a @medusajs/ui Select (by the trigger's data-testid) and picks an option. */
async function chooseOption(page, testId, label) {
  await page.getByTestId(testId).click()
  await page.getByRole("option", { name: label, exact: true }).click()
  await page.getByTestId(testId).getByText(label, { exact: true }).waitFor()
}

/** Types a date into a react-aria date field (en-US: month, day, year segments). */
async function setDate(page, container, date) {
  const segments = container.getByRole("spinbutton")
  await segments.first().click()
  await page.keyboard.type(String(date.getUTCMonth() + 1).padStart(2, "0"))
  await page.keyboard.type(String(date.getUTCDate()).padStart(2, "0"))
  await page.keyboard.type(String(date.getUTCFullYear()))
  const text = (await container.innerText()).replace(/\s+/g, "")
  const expected = `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()}`
  assert.ok(
    text.includes(expected) ||
      text.includes(`${String(date.getUTCMonth() + 1).padStart(2, "0")}/${String(date.getUTCDate()).padStart(2, "0")}/${date.getUTCFullYear()}`),
    `date field shows ${expected} (shows "${text}")`
  )
}

async function waitForCount(locator, count, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if ((await locator.count()) === count) return
    await new Promise((r) => setTimeout(r, 200))
  }
  assert.equal(await locator.count(), count)
}
