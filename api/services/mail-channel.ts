/**
 * Delivers the outbox's e-mail rows: reads the facts stored with the row, unseals the visitor's
 * manage token for the links, writes the message (api/domain/booking-mail.ts) and hands it to the
 * transport — SMTP, Brevo's API or .eml files. Members' and dossiers' e-mails are written when
 * queued (api/domain/queued-mail.ts): only a sign-in link's token is unsealed and added here. A
 * retry rebuilds the same message with the same Message-ID.
 */
import {
  bookingMail,
  type BookingMailFacts,
  type MailAddress,
  type MailLinks,
  type MailTopic,
} from '../domain/booking-mail'
import { DeliveryFailure } from '../domain/delivery-failure'
import { cancelPageLink, manageLink } from '../domain/manage-link'
import { writeQueuedMail, type QueuedMail } from '../domain/queued-mail'
import { reminderStillUseful } from '../domain/reminder'
import type { Clock } from './clock'
import type { MailTransport } from './mail-transport'
import type { NotificationChannel, OutgoingNotification } from './notification-channel'
import { unseal } from './secrets'

/** E-mails written when queued: sign-in links, invitations, dossier news and reminders. */
const QUEUED_MAIL_TOPIC = /^(member|dossier)\./

const MAIL_TOPICS: readonly string[] = [
  'booking.confirmed',
  'booking.reminder',
  'booking.cancelled',
]

export class MailChannel implements NotificationChannel {
  readonly #transport: MailTransport
  readonly #from: MailAddress
  readonly #sealKey: string
  readonly #clock: Clock
  readonly #log: (message: string) => void

  constructor(options: {
    transport: MailTransport
    /** MAIL_FROM. */
    from: MailAddress
    /** OUTBOX_SECRET: what the manage tokens were sealed with. */
    sealKey: string
    clock: Clock
    log?: (message: string) => void
  }) {
    this.#transport = options.transport
    this.#from = options.from
    this.#sealKey = options.sealKey
    this.#clock = options.clock
    this.#log = options.log ?? (() => {})
  }

  async send(notification: OutgoingNotification): Promise<void> {
    const topic = notification.topic
    if (QUEUED_MAIL_TOPIC.test(topic)) return this.#sendQueued(notification)
    const facts = JSON.parse(notification.payload) as BookingMailFacts
    // Written by this app: anything else is a bug, not the receiver's doing, and never gets better.
    if (!MAIL_TOPICS.includes(topic) || !facts.booking || !facts.recipient) {
      throw new DeliveryFailure(`not a booking e-mail: ${topic}`, 'refused')
    }
    const now = this.#clock.now()
    if (
      topic === 'booking.reminder' &&
      !reminderStillUseful(Date.parse(facts.booking.start), now)
    ) {
      this.#log(`e-mail ${notification.id}: reminder dropped, its call has started`)
      return
    }
    const content = bookingMail(topic as MailTopic, facts, await this.#links(notification, facts))
    await this.#transport.send({ ...content, ...this.#envelope(notification.id) })
  }

  /** A member's or a dossier's e-mail, written when queued; a sign-in link gets its token now. */
  async #sendQueued(notification: OutgoingNotification): Promise<void> {
    const mail = JSON.parse(notification.payload) as QueuedMail
    const token = notification.sealedToken
      ? await unseal(notification.sealedToken, this.#sealKey)
      : null
    // A sign-in e-mail without its link is no use to its reader: kept as failed, for an admin to see.
    if (mail.signIn && token === null) {
      throw new DeliveryFailure(
        'its sign-in token could not be unsealed (OUTBOX_SECRET changed?)',
        'refused',
      )
    }
    await this.#transport.send({
      ...writeQueuedMail(mail, token),
      ...this.#envelope(notification.id),
    })
  }

  #envelope(id: string) {
    return {
      id,
      from: this.#from,
      messageId: `<${id}@${this.#from.email.split('@')[1] ?? 'localhost'}>`,
      date: new Date(this.#clock.now()),
    }
  }

  /** The visitor's links; without them (a key changed since), the e-mail still tells the call. */
  async #links(
    notification: OutgoingNotification,
    facts: BookingMailFacts,
  ): Promise<MailLinks | null> {
    if (!notification.sealedToken) return null
    const token = await unseal(notification.sealedToken, this.#sealKey)
    if (token === null) {
      this.#log(
        `e-mail ${notification.id}: its manage token could not be unsealed (OUTBOX_SECRET changed?); sent without the links`,
      )
      return null
    }
    const id = facts.booking.id
    return {
      manage: manageLink(facts.managePage, id, token),
      cancel: cancelPageLink(facts.publicUrl, id, token),
    }
  }
}
