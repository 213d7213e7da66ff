import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { StoreQuoteResponse } from "../../../../types"
import { createQuoteRequestWorkflow } from "../../../../workflows/quote"
import { sendInvalidLinesError } from "../../../utils/invalid-lines-response"
import { getPublishableKeySalesChannelId } from "../../../utils/publishable-key-sales-channel"
import { refetchQuote } from "../../../utils/query-quotes"
import { callerQuoteScope, scopeFilters } from "../quote-scope"
import type { StoreCreateQuoteRequestType } from "../validators"

/**
 * A business customer asks the store to price a list of variants. For a
 * company member (admin or buyer) the quote belongs to the active company.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreCreateQuoteRequestType>,
  res: MedusaResponse<StoreQuoteResponse>
) => {
  const customerId = req.auth_context.actor_id
  const { items, message, region_id, additional_data } = req.validatedBody
  const scope = await callerQuoteScope(req)

  let quoteId: string
  try {
    const { result } = await createQuoteRequestWorkflow(req.scope).run({
      input: {
        customer_id: customerId,
        company_id: scope.company_id,
        sales_channel_id: getPublishableKeySalesChannelId(req),
        region_id,
        items,
        message: message || null,
        additional_data,
      },
    })
    quoteId = result.id
  } catch (e) {
    if (sendInvalidLinesError(e, res)) {
      return
    }
    throw e
  }

  res.status(201).json({ quote: await refetchQuote(req, { id: quoteId, ...scopeFilters(scope) }) })
}
