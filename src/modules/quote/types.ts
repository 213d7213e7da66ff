// The module's DTOs are the plugin's shared types (src/types).
export {
  QUOTE_REJECTERS,
  QUOTE_STATUSES,
  type QuoteRejecter,
  type QuoteRequestDTO,
  type QuoteRequestItemDTO,
  type QuoteRequestInput,
  type QuoteRequestItemInput,
  type QuoteStatus,
} from "../../types/quote"
