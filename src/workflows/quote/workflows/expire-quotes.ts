import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { expireLapsedQuotesStep } from "../steps/expire-lapsed-quotes"

export const expireQuotesWorkflowId = "role-sync-expire-quotes"

/**
 * Lapsed offers become `expired` so lists show the truth. Accepting one was
 * already refused (accept checks expires_at itself): this only tidies up.
 */
export const expireQuotesWorkflow = createWorkflow(
  expireQuotesWorkflowId,
  (input: { now: string }) => {
    const expired = expireLapsedQuotesStep(input)
    return new WorkflowResponse(expired)
  }
)
