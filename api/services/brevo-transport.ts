/**
 * E-mail through Brevo's transactional API (Workers, where no SMTP client runs): one JSON POST to
 * `<BREVO_API_URL>/smtp/email` with the `api-key` header.
 *
 * Relied on, from Brevo's API reference (« Send a transactional email », and its ErrorModel): the
 * body takes `sender`, `to`, `replyTo` as `{ email, name }`, `subject`, `htmlContent`,
 * `textContent`, `attachment: [{ name, content: base64 }]` (`.ics` is an allowed extension) and
 * `headers`, where `idempotencyKey`, a UUID, makes a retried request send the message once; success
 * is 201 `{ "messageId": "<…@smtp-relay.mailin.fr>" }`; an error is `{ "code", "message" }`
 * (`invalid_parameter`, `missing_parameter`, `unauthorized`, `not_enough_credits`,
 * `duplicate_request`…) with a 4xx, and 429 past the rate limit. Brevo sets its own Message-ID:
 * standard headers cannot be given.
 */
import { DeliveryFailure, failureOfMailApiStatus } from '../domain/delivery-failure'
import type { MailMessage, MailTransport } from './mail-transport'
import { toBase64 } from './secrets'

export const DEFAULT_BREVO_API_URL = 'https://api.brevo.com/v3'
/** As long as a webhook gets: the outbox lease outlasts it. */
export const BREVO_TIMEOUT_MS = 10_000

const address = (mailbox: { name: string; email: string }) =>
  mailbox.name ? { email: mailbox.email, name: mailbox.name } : { email: mailbox.email }

/** The request body Brevo's send endpoint takes. */
export function brevoRequest(message: MailMessage) {
  return {
    sender: address(message.from),
    to: [address(message.to)],
    ...(message.replyTo ? { replyTo: address(message.replyTo) } : {}),
    subject: message.subject,
    htmlContent: message.html,
    textContent: message.text,
    ...(message.attachments.length > 0
      ? {
          attachment: message.attachments.map((attachment) => ({
            name: attachment.filename,
            content: toBase64(new TextEncoder().encode(attachment.content)),
          })),
        }
      : {}),
    headers: { idempotencyKey: message.id },
  }
}

export class BrevoTransport implements MailTransport {
  readonly #endpoint: string
  readonly #apiKey: string
  readonly #timeoutMs: number

  constructor(options: { apiKey: string; baseUrl?: string; timeoutMs?: number }) {
    this.#endpoint = `${(options.baseUrl ?? DEFAULT_BREVO_API_URL).replace(/\/+$/, '')}/smtp/email`
    this.#apiKey = options.apiKey
    this.#timeoutMs = options.timeoutMs ?? BREVO_TIMEOUT_MS
  }

  async send(message: MailMessage): Promise<void> {
    let response: Response
    try {
      response = await fetch(this.#endpoint, {
        method: 'POST',
        headers: {
          'api-key': this.#apiKey,
          'Content-Type': 'application/json',
          Accept: 'application/json',
        },
        body: JSON.stringify(brevoRequest(message)),
        signal: AbortSignal.timeout(this.#timeoutMs),
        redirect: 'manual',
      })
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError'
      throw new DeliveryFailure(
        timedOut ? `Brevo did not answer within ${this.#timeoutMs} ms` : 'Brevo unreachable',
        'unavailable',
      )
    }
    if (response.status >= 200 && response.status <= 299) {
      await response.body?.cancel()
      return
    }
    const error = await errorOf(response)
    // The idempotency key was seen: Brevo took this very message before, its answer was lost.
    if (error.code === 'duplicate_request') return
    throw new DeliveryFailure(
      `Brevo answered HTTP ${response.status}${error.code ? ` ${error.code}` : ''}${error.message ? `: ${error.message}` : ''}`,
      failureOfMailApiStatus(response.status),
    )
  }
}

/** Brevo's `{ code, message }`, if that is what came; a proxy's HTML page says nothing useful. */
async function errorOf(response: Response): Promise<{ code?: string; message?: string }> {
  try {
    const body = (await response.json()) as { code?: unknown; message?: unknown }
    return {
      ...(typeof body.code === 'string' ? { code: body.code.slice(0, 60) } : {}),
      ...(typeof body.message === 'string' ? { message: body.message.slice(0, 200) } : {}),
    }
  } catch {
    return {}
  }
}
