/**
 * The page an e-mail's cancel link opens: it shows the call and asks to confirm with a button
 * (a form POST), so a mail scanner following links cancels nothing; then says what happened. Plain
 * HTML under the pages' strict CSP: no script, no inline style (a stylesheet file,
 * domain/page-style.ts), every text escaped. Pure.
 */
import { callTimes } from './call-time'
import { escapeHtml } from './html-text'
import { PAGE_STYLESHEET_PATH } from './page-style'
import type { Lang } from './reason-text'

export type CancelPageState = 'confirm' | 'cancelled' | 'already-cancelled' | 'started' | 'unknown'

export interface CancelPageBooking {
  start: string
  end: string
  timeZone: string | null
  advisorName: string
}

const WORDS = {
  fr: {
    title: {
      confirm: 'Annuler votre rendez-vous\u00a0?',
      cancelled: 'Rendez-vous annulé',
      'already-cancelled': 'Rendez-vous déjà annulé',
      started: 'Rendez-vous commencé',
      unknown: 'Rendez-vous introuvable',
    },
    call: (advisor: string) => `Votre appel avec ${advisor}`,
    yours: (zone: string) => `à votre heure (${zone})`,
    paris: 'heure de Paris',
    confirm: 'Oui, annuler le rendez-vous',
    keep: 'Non, garder le rendez-vous\u00a0: il suffit de fermer cette page.',
    cancelled: 'Votre rendez-vous est annulé.',
    already: 'Ce rendez-vous était déjà annulé.',
    started: 'Ce rendez-vous a déjà commencé\u00a0: il ne peut plus être annulé.',
    unknown: 'Aucun rendez-vous ne correspond à ce lien\u00a0: vérifiez qu’il est complet.',
    again: 'Prendre un autre rendez-vous',
  },
  en: {
    title: {
      confirm: 'Cancel your booking?',
      cancelled: 'Booking cancelled',
      'already-cancelled': 'Booking already cancelled',
      started: 'Call started',
      unknown: 'Booking not found',
    },
    call: (advisor: string) => `Your call with ${advisor}`,
    yours: (zone: string) => `your time (${zone})`,
    paris: 'Paris time',
    confirm: 'Yes, cancel the booking',
    keep: 'No, keep it: just close this page.',
    cancelled: 'Your booking is cancelled.',
    already: 'This booking was already cancelled.',
    started: 'This call has started: it can no longer be cancelled.',
    unknown: 'No booking matches this link: check that it is complete.',
    again: 'Book another call',
  },
} as const

export function cancelPageHtml(page: {
  state: CancelPageState
  lang: Lang
  booking: CancelPageBooking | null
  /** Where the form posts: this very page's address. */
  action: string
  /** Where another call can be booked (the page the widget was on). */
  bookAgain: string | null
}): string {
  const words = WORDS[page.lang]
  const title = words.title[page.state]
  const parts: string[] = [`<h1>${escapeHtml(title)}</h1>`]
  const booking = page.booking
  if (booking && page.state !== 'unknown') {
    const { local, paris } = callTimes(booking.start, booking.end, booking.timeZone, page.lang)
    const line = (time: { date: string; from: string; to: string }, zone: string) =>
      `<li>${escapeHtml(`${time.date}, ${time.from} – ${time.to}, ${zone}`)}</li>`
    parts.push(
      `<p>${escapeHtml(words.call(booking.advisorName))}</p>`,
      `<ul>${local ? line(local, words.yours(booking.timeZone ?? '')) : ''}${line(paris, words.paris)}</ul>`,
    )
  }
  const message = {
    confirm: null,
    cancelled: words.cancelled,
    'already-cancelled': words.already,
    started: words.started,
    unknown: words.unknown,
  }[page.state]
  if (message) parts.push(`<p>${escapeHtml(message)}</p>`)
  if (page.state === 'confirm') {
    parts.push(
      `<form method="post" action="${escapeHtml(page.action)}"><button type="submit">${escapeHtml(words.confirm)}</button></form>`,
      `<p>${escapeHtml(words.keep)}</p>`,
    )
  }
  if ((page.state === 'cancelled' || page.state === 'already-cancelled') && page.bookAgain) {
    parts.push(`<p><a href="${escapeHtml(page.bookAgain)}">${escapeHtml(words.again)}</a></p>`)
  }
  return [
    '<!doctype html>',
    `<html lang="${page.lang}">`,
    '<head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<link rel="stylesheet" href="${PAGE_STYLESHEET_PATH}">`,
    `<title>${escapeHtml(title)} · Ganapati</title></head>`,
    `<body><main>${parts.join('\n')}</main></body>`,
    '</html>',
    '',
  ].join('\n')
}
