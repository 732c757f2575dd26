/** What hands a finished e-mail to the outside: an SMTP server, a transactional API, or files. */
import type { MailAddress, MailContent } from '../domain/booking-mail'

/** An e-mail with its envelope, as every transport takes it. */
export interface MailMessage extends MailContent {
  /** The outbox row's id (a UUID): the same on every retry, for the Message-ID and idempotency keys. */
  id: string
  from: MailAddress
  /** `<id@sender's domain>`, so a mail client shows a message retried after a lost answer once. */
  messageId: string
  date: Date
}

export interface MailTransport {
  /**
   * Resolves once the server took the message; rejects with a DeliveryFailure telling a refusal of
   * this message from a server that is unreachable or failing.
   */
  send(message: MailMessage): Promise<void>
}
