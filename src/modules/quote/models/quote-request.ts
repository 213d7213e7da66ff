import { model } from "@medusajs/framework/utils"
import { QUOTE_REJECTERS, QUOTE_STATUSES } from "../types"
import QuoteRequestItem from "./quote-request-item"

const QuoteRequest = model
  .define("quote_request", {
    id: model.id({ prefix: "qreq" }).primaryKey(),
    // A short number people can say and search for ("quote #12"), from a
    // sequence like orders' display_id; the id stays the key everywhere.
    display_id: model.autoincrement(),
    customer_id: model.text(),
    // The company the quote belongs to (DESIGN §10 rule 3): every member
    // sees it. Null for a sole trader's quote.
    company_id: model.text().nullable(),
    status: model.enum([...QUOTE_STATUSES]).default("requested"),
    message: model.text().nullable(),
    admin_note: model.text().nullable(),
    expires_at: model.dateTime().nullable(),
    // Where the quote is priced and sold: fixed at request time.
    region_id: model.text(),
    currency_code: model.text(),
    sales_channel_id: model.text(),
    // Set once the customer accepts: the Medusa cart holding the quoted prices.
    cart_id: model.text().nullable(),
    rejected_by: model.enum([...QUOTE_REJECTERS]).nullable(),
    items: model.hasMany(() => QuoteRequestItem, { mappedBy: "quote_request" }),
  })
  .cascades({ delete: ["items"] })
  .indexes([
    {
      name: "IDX_quote_request_customer_id_status",
      on: ["customer_id", "status"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_quote_request_company_id_status",
      on: ["company_id", "status"],
      where: "deleted_at IS NULL AND company_id IS NOT NULL",
    },
    {
      name: "IDX_quote_request_status",
      on: ["status"],
      where: "deleted_at IS NULL",
    },
    {
      // The guards on Medusa's cart routes ask "is this cart a quote's?"
      // on every line change and checkout: one indexed lookup. Unique: a
      // cart holds at most one quote, deleted quotes included.
      name: "IDX_quote_request_cart_id_unique",
      on: ["cart_id"],
      unique: true,
      where: "cart_id IS NOT NULL",
    },
  ])
  // The database refuses states the lifecycle forbids, whoever writes them.
  .checks([
    {
      name: "CHK_quote_request_rejected_by",
      expression: (columns) =>
        `(${columns.status} = 'rejected') = (${columns.rejected_by} IS NOT NULL)`,
    },
    {
      name: "CHK_quote_request_accepted_has_cart",
      expression: (columns) =>
        `${columns.status} <> 'accepted' OR ${columns.cart_id} IS NOT NULL`,
    },
  ])

export default QuoteRequest
