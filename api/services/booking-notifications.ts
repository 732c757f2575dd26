/**
 * The outbox rows a booking change queues, written in the same transaction as the change: the
 * advisor's webhook always; with e-mail configured, the visitor's confirmation, reminder (the day
 * before) and cancellation, and the advisor's e-mails when no webhook takes them. The visitor's
 * manage token, which their links need, is stored sealed beside the e-mail, never in clear.
 */
import type { Advisor } from '../../db/advisors'
import type { Booking, Notification, NotificationTopic } from '../../db/bookings'
import { bookingMailSubject, bookingSubject } from '../../db/outbox'
import { ADVISOR_TIME_ZONE } from '../contracts/advisors'
import type { BookingMailFacts, MailRecipient } from '../domain/booking-mail'
import { reminderAt } from '../domain/reminder'
import { seal } from './secrets'

export interface MailQueueSettings {
  /** OUTBOX_SECRET: seals the manage token while its e-mails wait. */
  sealKey: string
  /** No webhook takes the advisor's notifications: they go by e-mail too. */
  advisorByEmail: boolean
  /** PRIVACY_NOTICE_URL, linked at the foot of the visitor's e-mails. */
  privacyUrl: string | null
}

/** What a booking change is announced with, besides the booking row. */
export interface BookingChange {
  booking: Booking
  advisor: Advisor
  /** The OPCO's name when the context names one, for the .ics and the advisor's e-mail. */
  opcoName: string | null
  /** PUBLIC_URL. */
  publicUrl: string
  /** When the change happened. */
  at: string
}

/** The advisor's webhook: everything needed to call the visitor back, and the context. */
function webhookPayload(topic: NotificationTopic, change: BookingChange): string {
  const { booking, advisor } = change
  return JSON.stringify({
    type: topic,
    booking: {
      id: booking.id,
      status: booking.status,
      start: booking.startAt,
      end: booking.endAt,
      timeZone: ADVISOR_TIME_ZONE,
      advisor: { id: advisor.id, name: advisor.name, email: advisor.email },
      visitor: {
        name: booking.name,
        email: booking.email,
        phone: booking.phone,
        company: booking.company,
        message: booking.message,
        timeZone: booking.timeZone,
      },
      call: {
        mode: booking.callMode,
        videoUrl: booking.callMode === 'video' ? advisor.videoUrl : null,
      },
      context: booking.context,
      lang: booking.lang,
      createdAt: booking.createdAt,
      cancelledAt: booking.cancelledAt,
    },
  })
}

function mailFacts(
  recipient: MailRecipient,
  change: BookingChange,
  settings: MailQueueSettings,
): BookingMailFacts {
  const { booking, advisor } = change
  return {
    recipient,
    booking: {
      id: booking.id,
      status: booking.status === 'cancelled' ? 'cancelled' : 'confirmed',
      start: booking.startAt,
      end: booking.endAt,
      createdAt: booking.createdAt,
      cancelledAt: booking.cancelledAt,
      lang: booking.lang === 'en' ? 'en' : 'fr',
      timeZone: booking.timeZone,
      callMode: booking.callMode,
      visitor: {
        name: booking.name,
        email: booking.email,
        phone: booking.phone,
        company: booking.company,
        message: booking.message,
      },
      context: booking.context,
    },
    advisor: { name: advisor.name, email: advisor.email, videoUrl: advisor.videoUrl },
    opcoName: change.opcoName,
    managePage: booking.pageUrl ?? new URL('/', change.publicUrl).href,
    publicUrl: change.publicUrl,
    privacyUrl: settings.privacyUrl,
  }
}

function webhookRow(topic: NotificationTopic, change: BookingChange): Notification {
  return {
    id: crypto.randomUUID(),
    channel: 'webhook',
    topic,
    subject: bookingSubject(change.booking.id),
    payload: webhookPayload(topic, change),
    sealedToken: null,
    at: change.at,
    dueAt: change.at,
  }
}

function mailRow(
  topic: NotificationTopic,
  recipient: MailRecipient,
  change: BookingChange,
  settings: MailQueueSettings,
  extra: { sealedToken?: string; dueAt?: string } = {},
): Notification {
  return {
    id: crypto.randomUUID(),
    channel: 'email',
    topic,
    subject: bookingMailSubject(change.booking.id, recipient),
    payload: JSON.stringify(mailFacts(recipient, change, settings)),
    sealedToken: extra.sealedToken ?? null,
    at: change.at,
    dueAt: extra.dueAt ?? change.at,
  }
}

/**
 * A new booking: its webhook, and with e-mail the visitor's confirmation and reminder (each with
 * its own sealing of the token) and the advisor's e-mail when no webhook takes it.
 */
export async function bookingConfirmedRows(
  change: BookingChange,
  manageToken: string,
  mail: MailQueueSettings | null,
): Promise<Notification[]> {
  const rows = [webhookRow('booking.confirmed', change)]
  if (!mail) return rows
  const { booking } = change
  rows.push(
    mailRow('booking.confirmed', 'visitor', change, mail, {
      sealedToken: await seal(manageToken, mail.sealKey),
    }),
  )
  const reminder = reminderAt(Date.parse(booking.startAt), Date.parse(booking.createdAt))
  if (reminder !== null) {
    rows.push(
      mailRow('booking.reminder', 'visitor', change, mail, {
        sealedToken: await seal(manageToken, mail.sealKey),
        dueAt: new Date(reminder).toISOString(),
      }),
    )
  }
  if (mail.advisorByEmail) rows.push(mailRow('booking.confirmed', 'advisor', change, mail))
  return rows
}

/** A cancellation: its webhook, and with e-mail the visitor's (and the advisor's) e-mail. */
export function bookingCancelledRows(
  change: BookingChange,
  mail: MailQueueSettings | null,
): Notification[] {
  const rows = [webhookRow('booking.cancelled', change)]
  if (!mail) return rows
  rows.push(mailRow('booking.cancelled', 'visitor', change, mail))
  if (mail.advisorByEmail) rows.push(mailRow('booking.cancelled', 'advisor', change, mail))
  return rows
}
