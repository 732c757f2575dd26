/** The channels an outbox row is delivered through; each keeps its own order per subject. Pure. */

/** `webhook`: the advisor's receiver (WEBHOOK_URL); `email`: the visitor's and the advisor's e-mails. */
export const OUTBOX_CHANNELS = ['webhook', 'email'] as const
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number]
