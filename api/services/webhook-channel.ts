/**
 * Delivers a notification by webhook: a JSON POST signed as the Standard Webhooks specification
 * describes (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256>` of
 * `id.timestamp.body`), so a receiver can check it came from us and is not a replay.
 */
import { DeliveryFailure, failureOfStatus } from '../domain/delivery-failure'
import type { Clock } from './clock'
import type { NotificationChannel } from './notification-channel'
import { toBase64 } from './secrets'

export interface WebhookTarget {
  url: string
  /** Shared with the receiver; at least 32 characters. */
  secret: string
}

/** A receiver that takes longer is treated as down; the lease of a notification outlasts this. */
export const WEBHOOK_TIMEOUT_MS = 10_000

export async function webhookSignature(
  secret: string,
  id: string,
  timestamp: number,
  body: string,
): Promise<string> {
  const encoder = new TextEncoder()
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(`${id}.${timestamp}.${body}`))
  return `v1,${toBase64(new Uint8Array(mac))}`
}

export class WebhookChannel implements NotificationChannel {
  readonly #target: WebhookTarget
  readonly #clock: Clock
  readonly #timeoutMs: number

  constructor(options: { target: WebhookTarget; clock: Clock; timeoutMs?: number }) {
    this.#target = options.target
    this.#clock = options.clock
    this.#timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS
  }

  async send(notification: { id: string; topic: string; payload: string }): Promise<void> {
    const timestamp = Math.floor(this.#clock.now() / 1000)
    const signature = await webhookSignature(
      this.#target.secret,
      notification.id,
      timestamp,
      notification.payload,
    )
    let response: Response
    try {
      response = await fetch(this.#target.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'ganapati-widgets-webhook',
          'webhook-id': notification.id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signature,
        },
        body: notification.payload,
        signal: AbortSignal.timeout(this.#timeoutMs),
        redirect: 'manual',
      })
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError'
      throw new DeliveryFailure(
        timedOut ? `no answer within ${this.#timeoutMs} ms` : 'receiver unreachable',
        'unavailable',
      )
    }
    // The body is not read beyond this point: a receiver's answer carries nothing for us.
    await response.body?.cancel()
    if (response.status < 200 || response.status > 299) {
      throw new DeliveryFailure(
        `receiver answered HTTP ${response.status}`,
        failureOfStatus(response.status),
      )
    }
  }
}
