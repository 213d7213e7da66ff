import { model } from "@medusajs/framework/utils"
import QuoteRequest from "./quote-request"

const QuoteRequestItem = model
  .define("quote_request_item", {
    id: model.id({ prefix: "qitem" }).primaryKey(),
    variant_id: model.text(),
    quantity: model.number(),
    // Null until an admin prices the line; major units of the quote's currency.
    quoted_unit_price: model.bigNumber().nullable(),
    // Snapshots: the quote stays readable if the catalog changes.
    title: model.text(),
    sku: model.text().nullable(),
    quote_request: model.belongsTo(() => QuoteRequest, { mappedBy: "items" }),
  })
  .checks([
    {
      name: "CHK_quote_request_item_quantity_positive",
      expression: (columns) => `${columns.quantity} > 0`,
    },
    {
      name: "CHK_quote_request_item_price_not_negative",
      expression: (columns) =>
        `${columns.quoted_unit_price} IS NULL OR ${columns.quoted_unit_price} >= 0`,
    },
  ])

export default QuoteRequestItem
