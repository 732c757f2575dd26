/** The JSON a receiver gets: the stored event with its place in its subject's sequence and the instant of its change. Pure. */

export interface StoredNotification {
  topic: string
  sequence: number
  occurredAt: string
  /** The event as written with the change: `{ "type", "booking": … }`. */
  payload: string
}

/**
 * `{ "type", "sequence", "occurredAt", …event }`: a receiver that already holds a higher sequence
 * for the subject can drop a stale event, and `occurredAt` dates it whatever the delivery delay.
 */
export function notificationBody(notification: StoredNotification): string {
  const { type: _type, ...event } = JSON.parse(notification.payload) as Record<string, unknown>
  return JSON.stringify({
    type: notification.topic,
    sequence: notification.sequence,
    occurredAt: notification.occurredAt,
    ...event,
  })
}
