import { CurrencyInput, Hint, Table, Text } from "@medusajs/ui"
import { currencyDecimals, currencySymbol, formatAmount, formatNumber } from "../lib/format"
import { parseUnitPrice } from "../lib/quote-response-draft"
import type { QuoteItem } from "../../types"

type QuoteItemsTableProps = {
  items: QuoteItem[]
  currencyCode: string
  /** Typed prices per line id; when `onUnitPriceChange` is given the prices are inputs. */
  unitPrices?: Record<string, string>
  onUnitPriceChange?: (itemId: string, value: string) => void
  errors?: Record<string, string>
  disabled?: boolean
}

const unitPriceOf = (item: QuoteItem, unitPrices?: Record<string, string>) =>
  unitPrices ? parseUnitPrice(unitPrices[item.id]) : parseUnitPrice(item.quoted_unit_price?.toString())

/** The quote's lines with unit price, line total and a grand total; editable prices while answering. */
export const QuoteItemsTable = ({
  items,
  currencyCode,
  unitPrices,
  onUnitPriceChange,
  errors,
  disabled,
}: QuoteItemsTableProps) => {
  const editable = !!onUnitPriceChange
  const symbol = currencySymbol(currencyCode)
  const decimals = currencyDecimals(currencyCode)
  const lineTotals = items.map((item) => {
    const price = unitPriceOf(item, unitPrices)
    return price === undefined ? undefined : price * item.quantity
  })
  const allPriced = lineTotals.every((total) => total !== undefined)
  const total = lineTotals.reduce<number>((sum, line) => sum + (line ?? 0), 0)

  return (
    <Table data-testid="quote-items">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Product</Table.HeaderCell>
          <Table.HeaderCell>SKU</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Quantity</Table.HeaderCell>
          <Table.HeaderCell className={editable ? "w-[200px]" : "text-right"}>Unit price</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Line total</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {items.map((item, index) => (
          <Table.Row key={item.id} data-testid={`quote-item-${item.id}`}>
            <Table.Cell>
              <Text size="small" leading="compact" weight="plus">
                {item.title}
              </Text>
            </Table.Cell>
            <Table.Cell className="font-mono whitespace-nowrap">{item.sku ?? "-"}</Table.Cell>
            <Table.Cell className="text-right">{formatNumber(item.quantity)}</Table.Cell>
            <Table.Cell className={editable ? "py-2" : "text-right"}>
              {editable ? (
                <div className="flex flex-col gap-y-1">
                  <CurrencyInput
                    size="small"
                    symbol={symbol}
                    code={currencyCode}
                    aria-label={`Unit price for ${item.title}${item.sku ? ` (${item.sku})` : ""}`}
                    aria-invalid={!!errors?.[item.id]}
                    data-testid="quote-item-unit-price"
                    decimalsLimit={decimals}
                    // Pads to the currency's decimals when the field loses focus ("21.5" -> "21.50").
                    decimalScale={decimals}
                    allowNegativeValue={false}
                    disabled={disabled}
                    value={unitPrices?.[item.id] ?? ""}
                    onValueChange={(value) => onUnitPriceChange(item.id, value ?? "")}
                  />
                  {errors?.[item.id] && <Hint variant="error">{errors[item.id]}</Hint>}
                </div>
              ) : (
                formatAmount(item.quoted_unit_price, currencyCode)
              )}
            </Table.Cell>
            <Table.Cell className="text-right">{formatAmount(lineTotals[index], currencyCode)}</Table.Cell>
          </Table.Row>
        ))}
        <Table.Row>
          <Table.Cell>
            <Text size="small" leading="compact" weight="plus">
              Total
            </Text>
          </Table.Cell>
          <Table.Cell />
          <Table.Cell className="text-right">
            {formatNumber(items.reduce((sum, item) => sum + item.quantity, 0))}
          </Table.Cell>
          <Table.Cell />
          <Table.Cell className="text-right" data-testid="quote-total">
            <Text size="small" leading="compact" weight="plus">
              {allPriced ? formatAmount(total, currencyCode) : "-"}
            </Text>
          </Table.Cell>
        </Table.Row>
      </Table.Body>
    </Table>
  )
}
