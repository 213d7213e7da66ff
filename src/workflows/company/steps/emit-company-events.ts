import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type EmitCompanyEventsStepInput = {
  messages: { name: string; data: Record<string, string> }[]
}

/**
 * Emits several company events (different names) in one step, grouped with
 * the workflow's other events the way Medusa's `emitEventStep` groups them:
 * subscribers see them only once the workflow has succeeded, and a failure
 * drops them.
 */
export const emitCompanyEventsStepId = "role-sync-emit-company-events"

export const emitCompanyEventsStep = createStep(
  emitCompanyEventsStepId,
  async (input: EmitCompanyEventsStepInput, { container, eventGroupId }) => {
    if (!input.messages.length) {
      return new StepResponse({ emitted: 0 }, null)
    }
    const eventBus = container.resolve(Modules.EVENT_BUS)
    await eventBus.emit(
      input.messages.map((message) => ({
        name: message.name,
        data: message.data,
        metadata: eventGroupId ? { eventGroupId } : {},
      }))
    )
    return new StepResponse({ emitted: input.messages.length }, {
      eventGroupId,
      eventNames: [...new Set(input.messages.map((m) => m.name))],
    })
  },
  async (emitted, { container }) => {
    if (!emitted?.eventGroupId) {
      return
    }
    const eventBus = container.resolve(Modules.EVENT_BUS)
    await eventBus.clearGroupedEvents(emitted.eventGroupId, { eventNames: emitted.eventNames })
  }
)
