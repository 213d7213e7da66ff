import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/**
 * A cart made from an accepted quote holds custom unit prices, and Medusa
 * keeps a custom price when a line's quantity changes: the quoted lines are
 * fixed, or 1,000 at a volume price would become 100,000 at that price.
 */
export async function refuseQuotedLineChanges(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  try {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [cart],
    } = await query.graph({
      entity: "cart",
      fields: ["id", "metadata"],
      filters: { id: req.params.id },
    })
    const quoteId = (cart?.metadata as Record<string, unknown> | null)?.quote_request_id
    if (quoteId) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `This cart holds the accepted quote ${quoteId}: its lines are fixed at the quoted quantities and prices. Request a new quote to change them.`
      )
    }
    next()
  } catch (e) {
    next(e)
  }
}
