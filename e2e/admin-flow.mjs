// The admin flow in a real browser: sign in, verify a business customer in
// the customer page widget, find it on "Business customers", answer a quote.
// Every step leaves a screenshot; the database is checked after each change.
import assert from "node:assert/strict"

const ymd = (date) => date.toISOString().slice(0, 10)

/** Sign-in, the customer widget in its four states, and the Business customers page. */
export async function runCustomerSteps({ page, baseUrl, admin, seeded, db, step, shot }) {
  const app = (p = "") => `${baseUrl}/app${p}`
  const { acme, globex, initech, individual, guest } = seeded
  const verifiedInDb = async (customerId) =>
    (
      await db.query(`SELECT is_verified, company_name FROM customer_meta WHERE customer_id = $1 AND deleted_at IS NULL`, [
        customerId,
      ])
    ).rows[0]

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

  await step("widget: business customer, not verified yet, at the top of the side column", async () => {
    await page.goto(app(`/customers/${acme.customerId}`))
    const widget = page.getByTestId("customer-business-role")
    await widget.getByTestId("business-role-company").getByText(acme.company).waitFor()
    await widget.getByText("Not verified").waitFor()
    assert.equal(await widget.getByTestId("business-role-tax-id").innerText().then((t) => t.includes(acme.taxId)), true, "tax ID shown")
    // The VIES evidence the admin verifies on: registered, when, under which name and address, the consultation number.
    await widget.getByTestId("business-role-tax-id").getByText("Registered (VIES)").waitFor()
    await widget.getByTestId("tax-id-registered-name").getByText(acme.company).waitFor()
    await widget.getByTestId("tax-id-registered-address").getByText("10115 Berlin", { exact: false }).waitFor()
    assert.match(await widget.getByTestId("tax-id-consultation-number").innerText(), /WAPI[0-9A-F]+/, "consultation number")
    assert.match(await widget.getByTestId("tax-id-checked-at").innerText(), /registered/, "when VIES answered")
    // Where people look: the side column, visible without scrolling.
    const box = await widget.boundingBox()
    const viewport = page.viewportSize()
    assert.ok(box && box.x > viewport.width / 2, `the card is in the side column (x = ${box?.x})`)
    assert.ok(box.y < viewport.height / 2, `the card starts in the upper half of the first screen (y = ${box.y})`)
    return shot(page, "customer-widget-unverified")
  })

  await step("widget: verify (the prompt says what changes)", async () => {
    const widget = page.getByTestId("customer-business-role")
    await widget.getByTestId("verify-button").click()
    const dialog = page.getByRole("alertdialog")
    await dialog.getByText(`Verify ${acme.company}?`).waitFor()
    const description = await dialog.innerText()
    assert.ok(description.includes(acme.company) && description.includes("123"), "the prompt repeats what is being verified")
    assert.match(description, /verified-business customer group/, "the prompt names the group verification adds")
    assert.match(description, /business prices/, "the prompt says prices change")
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
    // The "Verified businesses" group section of the page shows the new membership.
    await page.getByText("Verified businesses").first().waitFor()
    return shot(page, "customer-widget-verified")
  })

  await step("widget: a role that changed after the page loaded is not verified blindly (409, asked again)", async () => {
    await page.goto(app(`/customers/${initech.customerId}`))
    const widget = page.getByTestId("customer-business-role")
    await widget.getByText(initech.company, { exact: true }).waitFor()
    // Meanwhile, in the storefront, the customer renames the company in Clerk and signs in again.
    const renamed = "Initech Shell Ltd"
    const changed = await seeded.changeInClerk("initech", { company: renamed })
    assert.equal(changed.company_name, renamed, "the sync stored the new name")

    // The admin verifies what they reviewed: "Initech Holdings".
    await widget.getByTestId("verify-button").click()
    const dialog = page.getByRole("alertdialog")
    await dialog.getByText(`Verify ${initech.company}?`).waitFor()
    await dialog.getByRole("button", { name: "Verify", exact: true }).click()

    // 409: nothing written; the card shows the current data and the admin is asked again.
    await dialog.getByText(`${renamed} changed since you reviewed it`).waitFor()
    assert.match(await dialog.innerText(), new RegExp(`Company: ${initech.company} → ${renamed}`), "the prompt says what changed")
    await widget.getByText(renamed, { exact: true }).waitFor()
    assert.equal((await verifiedInDb(initech.customerId)).is_verified, false, "nothing verified on the stale version")
    const file = await shot(page, "verify-conflict-asked-again")

    // Cancel: still nothing written.
    await dialog.getByRole("button", { name: "Cancel", exact: true }).click()
    await dialog.waitFor({ state: "hidden" })
    assert.equal((await verifiedInDb(initech.customerId)).is_verified, false, "cancel writes nothing")

    // Verify again, now reviewing the new data: accepted with the new version.
    await widget.getByTestId("verify-button").click()
    await dialog.getByText(`Verify ${renamed}?`).waitFor()
    await dialog.getByRole("button", { name: "Verify", exact: true }).click()
    await page.getByText(`${renamed} is now a verified business.`).first().waitFor()
    const row = await verifiedInDb(initech.customerId)
    assert.deepEqual(row, { is_verified: true, company_name: renamed }, "the reviewed company is the verified one")
    return file
  })

  await step("widget: individual customer offers no Verify", async () => {
    await page.goto(app(`/customers/${individual.customerId}`))
    const widget = page.getByTestId("customer-business-role")
    await widget.getByTestId("individual-note").waitFor()
    assert.equal(await widget.getByTestId("verify-button").count(), 0, "no Verify for an individual")
    return shot(page, "customer-widget-individual")
  })

  await step("widget: a customer who never used Clerk gets no card", async () => {
    await page.goto(app(`/customers/${guest.customerId}`))
    await page.getByText("walk-in@e2e.test").first().waitFor()
    const file = await shot(page, "customer-without-clerk-role")
    assert.equal(await page.getByTestId("customer-business-role").count(), 0, "no role card once the page has settled")
    return file
  })

  await step("business customers: tax ID status filter (a VIES outage stays pending, with its reason)", async () => {
    await sidebarLink(page, "Business customers").click()
    const list = page.getByTestId("business-customers-page")
    await list.waitFor()
    const rows = list.locator("table tbody tr")
    await rows.filter({ hasText: acme.company }).waitFor()
    await addTableFilter(page, list, "Tax ID status", ["VIES check pending"])
    await waitForUrl(page, (url) => url.searchParams.get("tax_id_status") === "pending")
    const globexRow = rows.filter({ hasText: globex.company })
    await globexRow.getByTestId("tax-id-cell").getByText("MS_UNAVAILABLE", { exact: false }).waitFor()
    await waitForCount(rows.filter({ hasText: acme.company }), 0)
    const file = await shot(page, "business-customers-tax-id-pending")
    await clearTableFilters(list)
    return file
  })

  await step("widget: Check again asks VIES anew and shows its answer and evidence", async () => {
    await page.goto(app(`/customers/${globex.customerId}`))
    const widget = page.getByTestId("customer-business-role")
    await widget.getByTestId("tax-id-check-pending").getByText("MS_UNAVAILABLE", { exact: false }).waitFor()
    // The member state is back, and the number is registered (under a slightly different name).
    seeded.vies.putTrader("NL", "812345678B01", { name: "Globex Trading B.V.", address: "Keizersgracht 1\n1015 CJ Amsterdam" })
    await widget.getByTestId("tax-id-check-again").click()
    await widget.getByTestId("tax-id-registered-name").getByText("Globex Trading B.V.").waitFor()
    await widget.getByTestId("tax-id-registered-name").getByText("Differs from the declared company name.").waitFor()
    await widget.getByTestId("business-role-tax-id").getByText("Registered (VIES)").waitFor()
    const { rows } = await db.query(
      `SELECT m.tax_id_status, c.status, c.registered_name, c.requested_by FROM customer_meta m
       JOIN tax_id_check c ON c.id = m.tax_id_check_id WHERE m.customer_id = $1 AND m.deleted_at IS NULL`,
      [globex.customerId]
    )
    assert.deepEqual(
      { ...rows[0], requested_by: rows[0]?.requested_by === admin.userId },
      { tax_id_status: "valid", status: "valid", registered_name: "Globex Trading B.V.", requested_by: true },
      "a new check, requested by the admin, answered valid"
    )
    return shot(page, "customer-widget-tax-id-checked-again")
  })

  await step("business customers: verification filter + search", async () => {
    await sidebarLink(page, "Business customers").click()
    const list = page.getByTestId("business-customers-page")
    await list.waitFor()
    const rows = list.locator("table tbody tr")
    await rows.filter({ hasText: globex.company }).waitFor()
    // Search first: Globex leaves the list.
    await list.getByPlaceholder("Search company, tax ID or email").fill("acme")
    await waitForUrl(page, (url) => url.searchParams.get("q") === "acme")
    await waitForCount(rows.filter({ hasText: globex.company }), 0)
    // Then the filter, from the DataTable's filter menu.
    await addTableFilter(page, list, "Verification", ["Verified"])
    await waitForUrl(page, (url) => url.searchParams.get("is_verified") === "true" && url.searchParams.get("q") === "acme")
    const acmeRow = rows.filter({ hasText: acme.company })
    await acmeRow.getByText("Verified", { exact: true }).waitFor()
    assert.equal(await rows.count(), 1, "exactly one verified business matches 'acme'")
    return shot(page, "business-customers-verified")
  })

  await step("business customers: not verified filter", async () => {
    const list = page.getByTestId("business-customers-page")
    await list.getByPlaceholder("Search company, tax ID or email").fill("")
    await waitForUrl(page, (url) => !url.searchParams.has("q"))
    await changeTableFilter(page, list, "Verified", ["Not verified"])
    await waitForUrl(page, (url) => url.searchParams.get("is_verified") === "false")
    const rows = list.locator("table tbody tr")
    await rows.filter({ hasText: globex.company }).waitFor()
    await waitForCount(rows.filter({ hasText: acme.company }), 0)
    const file = await shot(page, "business-customers-unverified")
    // Narrowed to Globex for the next step.
    await list.getByPlaceholder("Search company, tax ID or email").fill("globex")
    await waitForUrl(page, (url) => url.searchParams.get("q") === "globex")
    await waitForCount(rows, 1)
    return file
  })

  await step("business customers: verify from the row action, after the row changed (409, asked again)", async () => {
    const list = page.getByTestId("business-customers-page")
    const rows = list.locator("table tbody tr")
    await rows.filter({ hasText: globex.company }).getByTestId("verify-button").waitFor()
    // The list shows "Globex Trading BV"; meanwhile the customer renames it.
    const renamed = `${globex.company} Europe`
    await seeded.changeInClerk("globex", { company: renamed })
    await rows.filter({ hasText: globex.company }).getByTestId("verify-button").click()
    const dialog = page.getByRole("alertdialog")
    await dialog.getByText(`Verify ${globex.company}?`).waitFor()
    await dialog.getByRole("button", { name: "Verify", exact: true }).click()
    await dialog.getByText(`${renamed} changed since you reviewed it`).waitFor()
    // The row behind the prompt shows the current name.
    await rows.filter({ hasText: renamed }).waitFor()
    assert.equal((await verifiedInDb(globex.customerId)).is_verified, false, "nothing verified on the stale version")
    await dialog.getByRole("button", { name: "Verify", exact: true }).click()
    await page.getByText(`${renamed} is now a verified business.`).first().waitFor()
    // The "Not verified" list (searched for Globex) refreshes: Globex leaves it, and the list is empty.
    await waitForCount(rows.filter({ hasText: globex.company }), 0)
    await list.getByText("No matching business customers").waitFor()
    const { rows: meta } = await db.query(
      `SELECT is_verified FROM customer_meta WHERE customer_id = $1 AND deleted_at IS NULL`,
      [globex.customerId]
    )
    assert.equal(meta[0]?.is_verified, true, "Globex verified in the database")
    const file = await shot(page, "business-customers-filtered-empty")
    await clearTableFilters(list)
    await list.getByPlaceholder("Search company, tax ID or email").fill("")
    await rows.filter({ hasText: globex.company }).getByTestId("unverify-button").waitFor()
    await rows.filter({ hasText: acme.company }).getByTestId("unverify-button").waitFor()
    return file
  })
}

/** The Quotes page; one quote answered with prices, an expiry and a note, another rejected. */
export async function runQuoteSteps({ page, quote, quoteToReject, db, step, shot }) {
  await step("quotes: list filtered by status", async () => {
    await sidebarLink(page, "Quotes").click()
    const list = page.getByTestId("quotes-page")
    await list.waitFor()
    await addTableFilter(page, list, "Status", ["Requested"])
    const row = quoteRow(list, quote)
    await row.waitFor()
    await row.getByText("Requested").waitFor()
    return shot(page, "quotes-requested")
  })

  const expiresOn = new Date(Date.now() + 30 * 24 * 3600 * 1000)
  await step("quote: set prices, expiry and note", async () => {
    await quoteRow(page.getByTestId("quotes-page"), quote).click()
    const form = page.getByTestId("quote-response-form")
    await form.waitFor()
    // The breadcrumb names the quote by its number, not its 30-character id.
    await page.locator("ol").getByText(`#${quote.displayId}`, { exact: true }).waitFor()
    assert.equal(await page.locator("ol").getByText(quote.id).count(), 0, "no raw id in the breadcrumb")
    // A host app's widget in the plugin's side zone gets the quote as `data`.
    await page.getByTestId("host-quote-widget").getByText(`Quote #${quote.displayId} is requested.`).waitFor()
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
    await page.getByTestId("quote-notice").getByText("Quote sent").waitFor()
    await page.getByTestId("quote-summary").getByTestId("quote-status").getByText("Quoted").waitFor()
    await page.getByTestId("quote-expires-at").waitFor()
    const file = await shot(page, "quote-sent")
    await assertNotCovered(page, page.getByTestId("send-quote"))
    await assertNotCovered(page, page.getByTestId("reject-quote"))
    return file
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
    // Back to the list (browser back): the status filter is still there, kept in the URL.
    await page.goBack()
    const list = page.getByTestId("quotes-page")
    await list.getByRole("button", { name: "Requested", exact: true }).waitFor()
    await changeTableFilter(page, list, "Requested", ["Quoted", "Requested"])
    await quoteRow(list, quote).getByText("Quoted").waitFor()
    if (quoteToReject) await waitForCount(quoteRow(list, quoteToReject), 0)
    return shot(page, "quotes-quoted")
  })

  if (!quoteToReject) return
  await step("quote: reject (confirm the prompt), then read-only", async () => {
    const list = page.getByTestId("quotes-page")
    await clearTableFilters(list)
    await quoteRow(list, quoteToReject).click()
    const form = page.getByTestId("quote-response-form")
    await form.getByTestId("quote-note").fill(quoteToReject.note)
    await form.getByTestId("reject-quote").click()
    const dialog = page.getByRole("alertdialog")
    await dialog.getByText("Reject this quote?").waitFor()
    await dialog.getByRole("button", { name: "Reject quote", exact: true }).click()
    await page.getByTestId("quote-notice").getByText("Quote rejected").waitFor()
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

/** The row of a quote in the Quotes list, found by its number ("#12"), as people see it. */
function quoteRow(list, quote) {
  return list
    .locator("table tbody tr")
    .filter({ has: list.page().getByTestId("quote-number").getByText(`#${quote.displayId}`, { exact: true }) })
}

/** A link in the admin's sidebar (the breadcrumbs may hold a link with the same name). */
function sidebarLink(page, name) {
  return page.getByRole("navigation").getByRole("link", { name, exact: true }).first()
}

/**
 * Adds a filter through the DataTable's filter menu (the funnel button) and
 * picks its options in the popover that opens, then closes the popover.
 */
async function addTableFilter(page, container, filterLabel, optionLabels) {
  await container.getByTestId("data-table-filter-menu").getByRole("button").click()
  await page.getByRole("menuitem", { name: filterLabel, exact: true }).click()
  for (const label of optionLabels) {
    await filterPopover(page).getByText(label, { exact: true }).click()
  }
  await page.keyboard.press("Escape")
  await container.getByRole("button", { name: optionLabels.join(", "), exact: true }).waitFor()
}

/**
 * Changes an applied filter: opens it by its current value (the pill's
 * button) and toggles the given options (radio: picks one).
 */
async function changeTableFilter(page, container, currentValue, toggleLabels) {
  await container.getByRole("button", { name: currentValue, exact: true }).click()
  for (const label of toggleLabels) {
    await filterPopover(page).getByText(label, { exact: true }).click()
  }
  await page.keyboard.press("Escape")
}

/** The open filter's popover (radio options, or a searchable list of checkboxes). */
function filterPopover(page) {
  // Popper content holds tooltips too (the funnel's "Filter"): take the popover dialog.
  return page.locator('[data-radix-popper-content-wrapper] [role="dialog"]').last()
}

async function clearTableFilters(container) {
  await container.getByRole("button", { name: "Clear all", exact: true }).click()
}

/** Fails when a toast lies over the element (e.g. a form's buttons). */
async function assertNotCovered(page, locator) {
  const box = await locator.boundingBox()
  assert.ok(box, "the element is on screen")
  for (const toast of await page.locator("[data-sonner-toast]").all()) {
    const t = await toast.boundingBox()
    if (!t) continue
    const overlaps = t.x < box.x + box.width && box.x < t.x + t.width && t.y < box.y + box.height && box.y < t.y + t.height
    assert.ok(!overlaps, `a toast ("${(await toast.innerText()).slice(0, 60)}") covers the element`)
  }
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

/** Polls the page's URL (lists keep their state in it through history.replaceState). */
async function waitForUrl(page, predicate, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (predicate(new URL(page.url()))) return
    await new Promise((r) => setTimeout(r, 100))
  }
  assert.fail(`the URL never matched; it is ${page.url()}`)
}

async function waitForCount(locator, count, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if ((await locator.count()) === count) return
    await new Promise((r) => setTimeout(r, 200))
  }
  assert.equal(await locator.count(), count)
}

/** Companies (Clerk Organizations): list, a company's members and roles, verification with the reviewed-version check, the member's card. */
export async function runCompanySteps({ page, baseUrl, seeded, db, step, shot }) {
  const app = (p = "") => `${baseUrl}/app${p}`
  const { umbrella } = seeded
  const companyRow = (list, name) => list.locator("table tbody tr").filter({ has: page.getByTestId("company-name").getByText(name, { exact: true }) })

  await step("companies: list with search and the verification filter", async () => {
    await sidebarLink(page, "Companies").click()
    const list = page.getByTestId("companies-page")
    await list.waitFor()
    await list.getByPlaceholder("Search name, tax ID or organization").fill("umbr")
    await waitForUrl(page, (url) => url.searchParams.get("q") === "umbr")
    const row = companyRow(list, umbrella.name)
    await row.getByText("Not verified").waitFor()
    await addTableFilter(page, list, "Verification", ["Not verified"])
    await waitForUrl(page, (url) => url.searchParams.get("is_verified") === "false")
    await row.waitFor()
    assert.equal(await list.locator("table tbody tr").count(), 1, "one company matches")
    assert.match(await row.innerText(), /\b2\b/, "two members")
    return shot(page, "companies-list")
  })

  await step("company: members with their roles", async () => {
    await companyRow(page.getByTestId("companies-page"), umbrella.name).click()
    const members = page.getByTestId("company-members")
    await members.waitFor()
    const rows = members.getByTestId("company-member-row")
    await rows.filter({ hasText: "Alice Admin" }).getByTestId("company-role").getByText("Admin").waitFor()
    await rows.filter({ hasText: "Bob Buyer" }).getByTestId("company-role").getByText("Buyer").waitFor()
    await page.locator("ol").getByText(umbrella.name, { exact: true }).waitFor()
    // The buyer's request is the company's quote, listed on its page.
    if (umbrella.quote) {
      await page.getByTestId("company-quotes").getByRole("link", { name: `#${umbrella.quote.displayId}`, exact: true }).waitFor()
      assert.match(await page.getByTestId("company-quotes").innerText(), /Bob Buyer/, "who asked")
    }
    return shot(page, "company-detail")
  })

  await step("company: verify what was reviewed (renamed in Clerk meanwhile: 409, asked again)", async () => {
    const renamed = "Umbrella Corporation"
    await seeded.renameUmbrella(renamed)
    const section = page.getByTestId("company-verification")
    await section.getByTestId("verify-button").click()
    const dialog = page.getByRole("alertdialog")
    await dialog.getByText(`Verify ${umbrella.name}?`).waitFor()
    await dialog.getByRole("button", { name: "Verify", exact: true }).click()
    await dialog.getByText(`${renamed} changed since you reviewed it`).waitFor()
    assert.match(await dialog.innerText(), new RegExp(`Name: ${umbrella.name} → ${renamed}`), "the prompt says what changed")
    const before = await db.query(`SELECT is_verified FROM company WHERE clerk_organization_id = $1 AND deleted_at IS NULL`, [umbrella.organizationId])
    assert.equal(before.rows[0]?.is_verified, false, "nothing verified on the stale version")
    const file = await shot(page, "company-verify-conflict")
    await dialog.getByRole("button", { name: "Verify", exact: true }).click()
    await page.getByText(`${renamed} is now a verified company.`).first().waitFor()
    await section.getByTestId("unverify-button").waitFor()
    const after = await db.query(`SELECT is_verified, name FROM company WHERE clerk_organization_id = $1 AND deleted_at IS NULL`, [umbrella.organizationId])
    assert.deepEqual(after.rows[0], { is_verified: true, name: renamed }, "the reviewed company is verified")
    umbrella.name = renamed
    return file
  })

  await step("widget: a company member's card shows the company, the role, and links to it", async () => {
    await page.goto(app(`/customers/${umbrella.buyer.customerId}`))
    const widget = page.getByTestId("customer-business-role")
    await widget.getByTestId("customer-company-link").getByText(umbrella.name).waitFor()
    await widget.getByTestId("customer-company").getByTestId("company-role").getByText("Buyer").waitFor()
    await widget.getByTestId("customer-company-verification").getByText("Verified", { exact: true }).waitFor()
    // Bob declared nothing at sign-up; as a company member he is a business.
    await widget.getByTestId("business-role-account-type").getByText("Business").waitFor()
    assert.equal(await widget.getByTestId("verify-button").count(), 0, "verification belongs to the company")
    const file = await shot(page, "customer-widget-company-member")
    await widget.getByTestId("customer-company-link").click()
    await page.getByTestId("company-detail-page").waitFor()
    return file
  })
}
