/**
 * POST /v1/bookings, GET /v1/bookings/:id(.ics) and POST /v1/bookings/:id/cancel — a call booked on
 * an offered slot, at most once per slot (the database decides), with its calendar event, its
 * notifications (webhook, e-mails) and a manage token that is shown once and stored hashed.
 */
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import {
  BookingId,
  BookingParam,
  BookingRequest,
  ManageTokenQuery,
  type BookingConfirmation,
  type BookingView,
} from '../contracts/bookings'
import { daysOff, findAdvisor, type Advisor } from '../../db/advisors'
import { insertBooking, type Booking } from '../../db/bookings'
import type { Db } from '../../db/client'
import { bookedCallCalendar } from '../domain/booking-calendar'
import { parisDate } from '../domain/calendar'
import { calendarFileName } from '../domain/ics'
import { manageLink, managePage } from '../domain/manage-link'
import { bookableDates, freeSlots, type AvailabilityRules } from '../domain/slots'
import type { AppEnv } from '../env'
import { maxBodySize } from '../middleware/body-size'
import { idempotency } from '../middleware/idempotency'
import { ProblemError } from '../middleware/problem'
import { API_HEADERS } from '../middleware/response-headers'
import { validate } from '../middleware/validate'
import { availabilityRules } from '../services/availability'
import { cancelForHolder, holderBooking } from '../services/booking-cancellation'
import { bookingConfirmedRows, type MailQueueSettings } from '../services/booking-notifications'
import type { Clock } from '../services/clock'
import type { OutboxDispatcher } from '../services/outbox-dispatcher'
import { randomToken, tokenHash } from '../services/secrets'
import { advisorOf, deliverSoon, opcoNameOf } from './booking-support'
import { jsonResponse, NO_STORE_HEADERS } from './json-response'

/** A booking with a long message and a simulation context stays well under this. */
const MAX_BODY_BYTES = 16 * 1024
const MINUTE_MS = 60_000

const CalendarParam = z.object({ file: z.string() })

const iso = (instant: number) => new Date(instant).toISOString()

/** Why a start is not an offered slot, in the visitor's words. */
function unavailableDetail(
  advisor: Advisor,
  rules: AvailabilityRules,
  start: number,
  now: number,
): string {
  if (start < now + advisor.minNoticeMinutes * MINUTE_MS) {
    const hours = advisor.minNoticeMinutes / 60
    return `Ce créneau est trop proche : un appel se réserve au moins ${Number.isInteger(hours) ? `${hours} h` : `${advisor.minNoticeMinutes} min`} à l’avance.`
  }
  if (parisDate(start) > bookableDates(rules, now).to) {
    return `Ce créneau est trop loin : un appel se réserve au plus ${advisor.horizonDays} jours à l’avance.`
  }
  return `${advisor.name} ne propose pas de créneau à cette heure : choisissez-en un parmi GET /v1/advisors/${advisor.id}/slots.`
}

function view(booking: Booking): BookingView {
  return {
    id: booking.id,
    advisorId: booking.advisorId,
    start: booking.startAt,
    end: booking.endAt,
    status: booking.status as BookingView['status'],
  }
}

/** The booking, if the token is its manage token; the same 404 otherwise, so ids cannot be probed. */
async function bookingWithToken(db: Db, id: string, token: string): Promise<Booking> {
  const booking = await holderBooking(db, id, token)
  if (!booking) {
    throw new ProblemError(
      'unknown-booking',
      'Aucun rendez-vous ne correspond à ce lien : vérifiez qu’il est complet.',
    )
  }
  return booking
}

export function bookingRoutes(options: {
  clock: Clock
  dispatcher: OutboxDispatcher
  /** Origin of the links answered (PUBLIC_URL): the Host header is the client's to choose. */
  publicUrl: () => string
  /** Partner origins a manage link may lead back to, besides PUBLIC_URL's. */
  allowedReturnOrigins: readonly string[]
  /** E-mails to queue with each change; null: the webhook only. */
  mail: MailQueueSettings | null
  idempotencyScope: (c: Context) => string
}) {
  const { clock, dispatcher } = options

  return new Hono<AppEnv>()
    .post(
      '/',
      maxBodySize(MAX_BODY_BYTES),
      idempotency({ clock, db: (c) => c.var.db, scope: options.idempotencyScope }),
      validate('json', BookingRequest),
      async (c) => {
        const request = c.req.valid('json')
        const db = c.var.db
        const now = clock.now()
        const advisor = await findAdvisor(db, request.advisorId)
        if (!advisor?.active) {
          throw new ProblemError('validation-error', `Aucun conseiller ${request.advisorId}.`, {
            errors: [
              { pointer: '/body/advisorId', detail: 'Conseiller inconnu : voir GET /v1/advisors.' },
            ],
          })
        }
        if (request.callMode === 'video' && !advisor.videoUrl) {
          throw new ProblemError(
            'validation-error',
            `${advisor.name} ne propose pas d’appel vidéo.`,
            {
              errors: [
                {
                  pointer: '/body/callMode',
                  detail:
                    'Ce conseiller appelle par téléphone : voir callModes dans GET /v1/advisors.',
                },
              ],
            },
          )
        }
        const start = Date.parse(request.start)
        const date = parisDate(start)
        const offDays = await daysOff(db, advisor.id, date, date)
        const rules = availabilityRules(
          advisor,
          offDays.map((day) => day.date),
        )
        const slot = freeSlots(rules, [], { from: date, to: date }, now).find(
          (offered) => offered.start === start,
        )
        if (!slot) {
          throw new ProblemError('slot-unavailable', unavailableDetail(advisor, rules, start, now))
        }

        const publicUrl = options.publicUrl()
        const page = managePage(request.pageUrl, publicUrl, options.allowedReturnOrigins)
        const token = randomToken()
        const id = crypto.randomUUID()
        const createdAt = iso(now)
        const booking: Booking = {
          id,
          advisorId: advisor.id,
          startAt: iso(slot.start),
          endAt: iso(slot.end),
          status: 'confirmed',
          name: request.name,
          email: request.email,
          phone: request.phone ?? null,
          company: request.company ?? null,
          message: request.message ?? null,
          context: request.context ?? null,
          lang: request.lang,
          timeZone: request.timeZone ?? null,
          callMode: request.callMode ?? null,
          // Kept only when it is a page we may send the visitor back to.
          pageUrl: page === new URL('/', publicUrl).href ? null : page,
          manageTokenHash: await tokenHash(token),
          createdAt,
          cancelledAt: null,
          erasedAt: null,
        }
        const buffer = advisor.bufferMinutes * MINUTE_MS
        const rows = await bookingConfirmedRows(
          { booking, advisor, opcoName: await opcoNameOf(c, booking), publicUrl, at: createdAt },
          token,
          options.mail,
        )
        const booked = await insertBooking(
          db,
          booking,
          { from: iso(slot.start - buffer), to: iso(slot.end + buffer) },
          rows,
        )
        if (!booked) {
          throw new ProblemError(
            'slot-taken',
            'Ce créneau vient d’être réservé par quelqu’un d’autre : choisissez-en un autre.',
          )
        }
        deliverSoon(c, dispatcher)

        const base = new URL(`/v1/bookings/${id}`, publicUrl).href
        const query = `?token=${encodeURIComponent(token)}`
        const body: BookingConfirmation = {
          ...view(booking),
          manageToken: token,
          icsUrl: `${base}.ics${query}`,
          cancelUrl: `${base}/cancel${query}`,
          manageUrl: manageLink(page, id, token),
        }
        return jsonResponse(JSON.stringify(body), { ...NO_STORE_HEADERS, Location: base }, 201)
      },
    )
    .get(
      '/:file{[^/]+\\.ics}',
      validate('param', CalendarParam),
      validate('query', ManageTokenQuery),
      async (c) => {
        const id = BookingId.safeParse(c.req.valid('param').file.slice(0, -'.ics'.length))
        if (!id.success)
          throw new ProblemError('unknown-booking', 'Aucun rendez-vous à cette adresse.')
        const booking = await bookingWithToken(c.var.db, id.data, c.req.valid('query').token)
        const advisor = await advisorOf(c, booking)
        const calendar = bookedCallCalendar(booking, advisor, await opcoNameOf(c, booking))
        return new Response(calendar, {
          headers: {
            ...API_HEADERS,
            'Content-Type': 'text/calendar; charset=utf-8',
            'Content-Disposition': `attachment; filename="${calendarFileName(booking.id)}"`,
            'Cache-Control': 'private, no-store',
          },
        })
      },
    )
    .get(
      '/:id',
      validate('param', BookingParam),
      validate('query', ManageTokenQuery),
      async (c) => {
        const { id } = c.req.valid('param')
        const booking = await bookingWithToken(c.var.db, id, c.req.valid('query').token)
        return jsonResponse(JSON.stringify(view(booking)), NO_STORE_HEADERS)
      },
    )
    .post(
      '/:id/cancel',
      validate('param', BookingParam),
      validate('query', ManageTokenQuery),
      async (c) => {
        const { id } = c.req.valid('param')
        const db = c.var.db
        const booking = await bookingWithToken(db, id, c.req.valid('query').token)
        const result = await cancelForHolder(db, booking, {
          now: clock.now(),
          advisor: await advisorOf(c, booking),
          opcoName: await opcoNameOf(c, booking),
          publicUrl: options.publicUrl(),
          mail: options.mail,
        })
        if (result.outcome === 'started') {
          throw new ProblemError(
            'booking-started',
            'Ce rendez-vous a déjà commencé : il ne peut plus être annulé.',
          )
        }
        if (result.outcome === 'cancelled') deliverSoon(c, dispatcher)
        return jsonResponse(JSON.stringify(view(result.booking)), NO_STORE_HEADERS)
      },
    )
}
