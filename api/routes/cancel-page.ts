/**
 * GET and POST /bookings/:id/cancel?token= — the cancellation page an e-mail links to (a page, not
 * an API answer: under the pages' CSP, in the booking's language). GET only shows the call and a
 * button; the button's POST cancels, with the same rules and notifications as the API.
 */
import { Hono, type Context } from 'hono'
import { BookingId } from '../contracts/bookings'
import type { Booking } from '../../db/bookings'
import { cancelPageHtml, type CancelPageState } from '../domain/cancel-page'
import { PAGE_STYLESHEET, PAGE_STYLESHEET_PATH } from '../domain/page-style'
import type { AppEnv } from '../env'
import { cancelForHolder, holderBooking } from '../services/booking-cancellation'
import type { MailQueueSettings } from '../services/booking-notifications'
import type { Clock } from '../services/clock'
import type { OutboxDispatcher } from '../services/outbox-dispatcher'
import { advisorOf, deliverSoon, opcoNameOf } from './booking-support'

const STATUS: Record<CancelPageState, 200 | 404 | 409> = {
  confirm: 200,
  cancelled: 200,
  'already-cancelled': 200,
  started: 409,
  unknown: 404,
}

export function cancelPageRoutes(options: {
  clock: Clock
  dispatcher: OutboxDispatcher
  publicUrl: () => string
  mail: MailQueueSettings | null
}) {
  /** The booking the link names, if its token is right. */
  const find = async (c: Context<AppEnv>): Promise<Booking | null> => {
    const id = BookingId.safeParse(c.req.param('id'))
    const token = c.req.query('token') ?? ''
    if (!id.success || token.length === 0 || token.length > 200) return null
    return holderBooking(c.var.db, id.data, token)
  }

  const page = async (c: Context<AppEnv>, state: CancelPageState, booking: Booking | null) => {
    const url = new URL(c.req.url)
    const advisor = booking ? await advisorOf(c, booking) : null
    const html = cancelPageHtml({
      state,
      lang: booking?.lang === 'en' ? 'en' : 'fr',
      booking:
        booking && advisor
          ? {
              start: booking.startAt,
              end: booking.endAt,
              timeZone: booking.timeZone,
              advisorName: advisor.name,
            }
          : null,
      action: `${url.pathname}${url.search}`,
      bookAgain: booking ? (booking.pageUrl ?? new URL('/', options.publicUrl()).href) : null,
    })
    // Personal, and its address holds the manage token: kept by no cache, sent to no other site.
    c.header('Cache-Control', 'no-store')
    c.header('Referrer-Policy', 'no-referrer')
    return c.html(html, STATUS[state])
  }

  return new Hono<AppEnv>()
    .get(PAGE_STYLESHEET_PATH.slice('/bookings'.length), (c) => {
      c.header('Cache-Control', 'public, max-age=86400')
      return c.body(PAGE_STYLESHEET, 200, { 'Content-Type': 'text/css; charset=utf-8' })
    })
    .get('/:id/cancel', async (c) => {
      const booking = await find(c)
      if (!booking) return page(c, 'unknown', null)
      if (booking.status === 'cancelled') return page(c, 'already-cancelled', booking)
      if (Date.parse(booking.startAt) <= options.clock.now()) return page(c, 'started', booking)
      return page(c, 'confirm', booking)
    })
    .post('/:id/cancel', async (c) => {
      const booking = await find(c)
      if (!booking) return page(c, 'unknown', null)
      const result = await cancelForHolder(c.var.db, booking, {
        now: options.clock.now(),
        advisor: await advisorOf(c, booking),
        opcoName: await opcoNameOf(c, booking),
        publicUrl: options.publicUrl(),
        mail: options.mail,
      })
      if (result.outcome === 'cancelled') deliverSoon(c, options.dispatcher)
      const state = result.outcome === 'already' ? 'already-cancelled' : result.outcome
      return page(c, state, result.booking)
    })
}
