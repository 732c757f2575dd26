/**
 * The e-mails about a booking — confirmation, reminder and cancellation to the visitor, and, when
 * no webhook takes them, confirmation and cancellation to the advisor — from the facts stored with
 * them in the outbox. Visitors read them in their booking's language, advisors in French. Pure.
 */
import type { CallMode } from '../contracts/advisors'
import type { BookingContext } from '../contracts/bookings'
import { bookedCallCalendar } from './booking-calendar'
import { callFacts } from './booking-text'
import { callTimes, type CallTime } from './call-time'
import { calendarFileName } from './ics'
import { mailHtml, mailText, type MailBlock } from './mail-blocks'
import { MAIL_WORDS, type MailWords } from './mail-words'
import type { Lang } from './reason-text'

export type MailTopic = 'booking.confirmed' | 'booking.reminder' | 'booking.cancelled'
export type MailRecipient = 'visitor' | 'advisor'

/**
 * What an e-mail is written from, stored as its outbox payload when the change is committed: it
 * holds no secret (the manage token travels sealed beside it) and renders the same after a restart.
 */
export interface BookingMailFacts {
  recipient: MailRecipient
  booking: {
    id: string
    status: 'confirmed' | 'cancelled'
    start: string
    end: string
    createdAt: string
    cancelledAt: string | null
    lang: Lang
    /** The visitor's IANA zone; null: Paris. */
    timeZone: string | null
    callMode: CallMode | null
    visitor: {
      name: string
      email: string
      phone: string | null
      company: string | null
      message: string | null
    }
    context: BookingContext | null
  }
  advisor: { name: string; email: string; videoUrl: string | null }
  opcoName: string | null
  /** The page the manage link opens, without its fragment (api/domain/manage-link.ts). */
  managePage: string
  /** PUBLIC_URL: where the cancellation page is. */
  publicUrl: string
  privacyUrl: string | null
}

/** The visitor's own links, built from the unsealed manage token; null when it cannot be read. */
export interface MailLinks {
  manage: string
  cancel: string
}

export interface MailAddress {
  name: string
  email: string
}

export interface MailAttachment {
  filename: string
  contentType: string
  content: string
}

/** A message but its envelope: the channel adds From, Date and Message-ID. */
export interface MailContent {
  to: MailAddress
  replyTo: MailAddress | null
  subject: string
  lang: Lang
  text: string
  html: string
  attachments: MailAttachment[]
}

function calendarAttachment(facts: BookingMailFacts): MailAttachment {
  const { booking } = facts
  const cancelled = booking.status === 'cancelled'
  return {
    filename: calendarFileName(booking.id),
    contentType: `text/calendar; charset=utf-8; method=${cancelled ? 'CANCEL' : 'PUBLISH'}`,
    content: bookedCallCalendar(
      {
        ...booking,
        ...booking.visitor,
        startAt: booking.start,
        endAt: booking.end,
      },
      facts.advisor,
      facts.opcoName,
    ),
  }
}

/**
 * How the call happens, for the reader: the video room when the visitor chose video and the
 * advisor has one, else the visitor's phone when given, else an e-mail to agree on it.
 */
function callRow(
  facts: BookingMailFacts,
  words: MailWords,
  reader: MailRecipient,
): { label: string; value: string; href?: string } {
  const { booking, advisor } = facts
  const visitor = booking.visitor
  if (booking.callMode === 'video' && advisor.videoUrl) {
    const lead = reader === 'visitor' ? words.videoCall : words.advisorVideoCall
    return {
      label: words.how,
      value: `${lead}${words.colon}${advisor.videoUrl}`,
      href: advisor.videoUrl,
    }
  }
  if (booking.callMode !== 'video' && visitor.phone) {
    const value =
      reader === 'visitor'
        ? words.phoneCall(advisor.name, visitor.phone)
        : words.advisorPhoneCall(visitor.name, visitor.phone)
    return { label: words.how, value }
  }
  const value =
    reader === 'visitor'
      ? words.noMode(advisor.name, visitor.email)
      : words.advisorNoMode(visitor.email)
  return { label: words.how, value }
}

/** The visitor's e-mail, in their language; the links only when the token could be unsealed. */
function visitorMail(
  topic: MailTopic,
  facts: BookingMailFacts,
  links: MailLinks | null,
): MailContent {
  const { booking, advisor } = facts
  const lang = booking.lang
  const words = MAIL_WORDS[lang]
  const { local, paris } = callTimes(booking.start, booking.end, booking.timeZone, lang)
  const shown: CallTime = local ?? paris
  const cancelled = topic === 'booking.cancelled'
  const when = [
    ...(local
      ? [{ label: words.when, value: words.localTime(local, booking.timeZone ?? '') }]
      : []),
    { label: local ? '' : words.when, value: words.parisTime(paris) },
  ]
  const how = callRow(facts, words, 'visitor')
  const blocks: MailBlock[] = [
    { kind: 'paragraph', text: words.greeting(booking.visitor.name) },
    { kind: 'paragraph', text: words.lead[topicKey(topic)](advisor.name) },
    {
      kind: 'facts',
      rows: [...when, ...(cancelled ? [] : [how]), { label: words.reference, value: booking.id }],
    },
  ]
  if (topic === 'booking.confirmed') blocks.push({ kind: 'paragraph', text: words.invitation })
  if (cancelled) {
    blocks.push({ kind: 'paragraph', text: words.removal })
    blocks.push({ kind: 'link', label: words.bookAgain, href: facts.managePage })
  } else if (links) {
    blocks.push({ kind: 'link', label: words.manage, href: links.manage })
    blocks.push({ kind: 'link', label: words.cancelNow, href: links.cancel })
    blocks.push({ kind: 'paragraph', text: words.personalLinks })
  }
  blocks.push({
    kind: 'footer',
    lines: [
      { text: words.why },
      ...(facts.privacyUrl ? [{ text: words.privacy, href: facts.privacyUrl }] : []),
    ],
  })
  const subject = words.subject[topicKey(topic)](shown)
  return {
    to: { name: booking.visitor.name, email: booking.visitor.email },
    replyTo: { name: advisor.name, email: advisor.email },
    subject,
    lang,
    text: mailText(blocks, words.colon),
    html: mailHtml(blocks, lang, subject),
    attachments: topic === 'booking.reminder' ? [] : [calendarAttachment(facts)],
  }
}

/** The advisor's e-mail, in French: what a webhook would have told, to call the visitor back. */
function advisorMail(topic: MailTopic, facts: BookingMailFacts): MailContent {
  const { booking, advisor } = facts
  const lang: Lang = 'fr'
  const words = MAIL_WORDS[lang]
  const { local, paris } = callTimes(booking.start, booking.end, booking.timeZone, lang)
  const visitor = booking.visitor
  const how = callRow(facts, words, 'advisor')
  const cancelled = topic === 'booking.cancelled'
  const told = callFacts({
    id: booking.id,
    advisorName: advisor.name,
    name: visitor.name,
    company: visitor.company,
    phone: visitor.phone,
    message: visitor.message,
    context: booking.context,
    opcoName: facts.opcoName,
    lang,
  })
  const blocks: MailBlock[] = [
    {
      kind: 'paragraph',
      text: cancelled
        ? words.lead.advisorCancelled(visitor.name)
        : words.lead.advisorConfirmed(visitor.name),
    },
    {
      kind: 'facts',
      rows: [
        { label: words.when, value: words.parisTime(paris) },
        ...(local ? [{ label: '', value: words.visitorTime(local, booking.timeZone ?? '') }] : []),
        ...(cancelled ? [] : [how]),
        { label: words.name, value: visitor.name },
        { label: words.email, value: visitor.email, href: `mailto:${visitor.email}` },
        ...told.map(([label, value]) => ({ label, value })),
        { label: words.reference, value: booking.id },
      ],
    },
    { kind: 'paragraph', text: words.replyToVisitor },
  ]
  const subject = cancelled
    ? words.subject.advisorCancelled(visitor.name, paris)
    : words.subject.advisorConfirmed(visitor.name, paris)
  return {
    to: { name: advisor.name, email: advisor.email },
    replyTo: { name: visitor.name, email: visitor.email },
    subject,
    lang,
    text: mailText(blocks, words.colon),
    html: mailHtml(blocks, lang, subject),
    attachments: [calendarAttachment(facts)],
  }
}

const topicKey = (topic: MailTopic) =>
  topic === 'booking.confirmed'
    ? 'confirmed'
    : topic === 'booking.reminder'
      ? 'reminder'
      : 'cancelled'

/** The e-mail a stored notification stands for. */
export function bookingMail(
  topic: MailTopic,
  facts: BookingMailFacts,
  links: MailLinks | null,
): MailContent {
  return facts.recipient === 'advisor'
    ? advisorMail(topic, facts)
    : visitorMail(topic, facts, links)
}
