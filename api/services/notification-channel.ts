/** What delivers an outbox row: the webhook to the advisor's receiver, or e-mail. */

/** One stored notification as the dispatcher hands it to its channel. */
export interface OutgoingNotification {
  /** The outbox row's id: the webhook-id, the e-mail's Message-ID, the provider's idempotency key. */
  id: string
  topic: string
  /** `{ "type", "sequence", "occurredAt", …event }` (api/domain/notification-body.ts). */
  payload: string
  /** The visitor's manage token its e-mail links carry, sealed; null when it carries none. */
  sealedToken: string | null
}

export interface NotificationChannel {
  /**
   * Resolves once the receiver accepted it; rejects otherwise, with a DeliveryFailure saying
   * whether the receiver was unavailable or refused this one (anything else counts as unavailable).
   */
  send(notification: OutgoingNotification): Promise<void>
}
