/**
 * E-mail over SMTP with nodemailer (Node): SMTP_URL such as `smtp://user:pass@smtp.example:587`
 * (STARTTLS when offered) or `smtps://…:465`. nodemailer writes the MIME message — multipart text
 * and HTML, the .ics attached, headers encoded — and speaks SMTP; each message opens its own
 * connection, so a server that dropped one never leaves the next waiting on a dead socket.
 */
import { createTransport, type Mail, type SendMailOptions } from 'nodemailer'
import { DeliveryFailure, failureOfSmtpCode } from '../domain/delivery-failure'
import type { MailAddress } from '../domain/booking-mail'
import type { MailMessage, MailTransport } from './mail-transport'

/** Each step of the exchange (connect, greeting, every reply) gets this long, as a webhook does. */
export const SMTP_STEP_TIMEOUT_MS = 10_000

const address = (mailbox: MailAddress) => ({ name: mailbox.name, address: mailbox.email })

/** The message as nodemailer builds it: the same MIME for SMTP and for the .eml files. */
export function nodemailerMessage(message: MailMessage): SendMailOptions {
  return {
    from: address(message.from),
    to: address(message.to),
    ...(message.replyTo ? { replyTo: address(message.replyTo) } : {}),
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: message.messageId,
    date: message.date,
    headers: {
      // RFC 3834: an automatic message, which out-of-office replies leave alone.
      'Auto-Submitted': 'auto-generated',
      'Content-Language': message.lang,
    },
    attachments: message.attachments.map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      content: attachment.content,
    })),
    // Our content is all strings: nothing may make nodemailer read a file or fetch a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  }
}

interface SmtpError {
  code?: string
  responseCode?: number
  response?: string
  command?: string
  message?: string
}

/**
 * What a failed exchange says of the message: a 5yz reply refuses it; a 4yz reply, a connection
 * that failed, dropped or timed out, or a login refused (a fault of ours that holds every message,
 * whatever its code) says « not now ».
 */
export function smtpFailure(error: unknown): DeliveryFailure {
  const smtp = (typeof error === 'object' && error !== null ? error : {}) as SmtpError
  const login = smtp.code === 'EAUTH' || smtp.code === 'ENOAUTH'
  const kind = login ? 'unavailable' : failureOfSmtpCode(smtp.responseCode)
  const reply = smtp.response ? smtp.response.split('\n')[0]?.slice(0, 200) : undefined
  const reason = reply
    ? `SMTP server answered ${reply}${smtp.command ? ` to ${smtp.command}` : ''}`
    : `SMTP server unreachable (${smtp.code ?? 'error'}: ${(smtp.message ?? String(error)).slice(0, 200)})`
  return new DeliveryFailure(reason, kind)
}

export class SmtpTransport implements MailTransport {
  readonly #transporter: Mail

  constructor(options: { url: string; stepTimeoutMs?: number }) {
    const timeout = options.stepTimeoutMs ?? SMTP_STEP_TIMEOUT_MS
    this.#transporter = createTransport({
      url: options.url,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    })
  }

  async send(message: MailMessage): Promise<void> {
    try {
      await this.#transporter.sendMail(nodemailerMessage(message))
    } catch (error) {
      throw smtpFailure(error)
    }
  }
}
