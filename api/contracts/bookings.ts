/** Public contract of the booking routes: what a visitor sends, what the advisor receives, what comes back. */
import { z } from 'zod'
import { AdvisorId, CallMode } from './advisors'
import { Scheme } from './funding-rules'
import { OpcoId } from './opcos'
import { multiLine, singleLine } from './text-fields'

/** A booking's id: a random UUID. */
export const BookingId = z.uuid({ message: 'Un identifiant de rendez-vous (UUID).' })
/** `:id` of the booking routes. */
export const BookingParam = z.object({ id: BookingId })

const optionalText = (max: number, lines: typeof singleLine = singleLine) =>
  lines(z.string().trim().max(max, `Au plus ${max} caractères.`))
    .optional()
    .transform((text) => (text ? text : undefined))

const Cents = z.number().int()

/** What the simulator showed the visitor, for the advisor to start from (ganapati-simulation-change). */
export const SimulationContext = z.strictObject({
  scheme: Scheme,
  date: z.iso.date(),
  totalCostCents: Cents,
  opcoFundingCents: Cents.nullable(),
  employerCostCents: Cents.nullable(),
  stateAidCents: Cents,
  /** The simulator's inputs (price, hours, headcount…), as sent to POST /v1/simulations. */
  inputs: z
    .record(
      singleLine(z.string().max(40)),
      z.union([singleLine(z.string().max(200)), z.number(), z.boolean(), z.null()]),
    )
    .refine((inputs) => Object.keys(inputs).length <= 30, 'Au plus 30 valeurs.')
    .optional(),
})
export type SimulationContext = z.infer<typeof SimulationContext>

/** What the finder and the simulator already know about the visitor's company. */
export const BookingContext = z.strictObject({
  siret: z
    .string()
    .regex(/^\d{14}$/, 'Un SIRET a 14 chiffres.')
    .nullish(),
  idcc: z
    .string()
    .regex(/^\d{4}$/, 'Un IDCC sur 4 chiffres, par exemple 1486.')
    .nullish(),
  opcoId: OpcoId.nullish(),
  simulation: SimulationContext.nullish(),
})
export type BookingContext = z.infer<typeof BookingContext>

/**
 * An IANA zone name such as Europe/Paris or America/Martinique, as Intl knows it, written back in
 * its canonical spelling; offsets (+01:00) and abbreviations (CET) are refused.
 */
export const TimeZone = z
  .string()
  .max(64)
  .regex(
    /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/,
    'Un fuseau IANA, par exemple Europe/Paris.',
  )
  .transform((zone, ctx) => {
    try {
      return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone
    } catch {
      ctx.addIssue({ code: 'custom', message: `Fuseau horaire inconnu : ${zone}.` })
      return z.NEVER
    }
  })

export const BookingRequest = z
  .strictObject({
    advisorId: AdvisorId,
    /** One of the advisor's free slots (GET /v1/advisors/:id/slots), as an ISO 8601 instant. */
    start: z.iso.datetime({
      offset: true,
      message: 'Un instant ISO 8601, par exemple 2026-12-01T08:00:00Z.',
    }),
    name: singleLine(
      z.string().trim().min(1, 'Votre nom est requis.').max(120, 'Au plus 120 caractères.'),
    ),
    email: z
      .email({ message: 'Une adresse e-mail valide, par exemple nom@entreprise.fr.' })
      .max(254),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 .()-]{5,24}$/, 'Un numéro de téléphone, par exemple 01 23 45 67 89.')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    company: optionalText(160),
    message: optionalText(2000, multiLine),
    context: BookingContext.optional(),
    /** Language of the calendar event's text and of the visitor's e-mails: French by default. */
    lang: z.enum(['fr', 'en'], { message: 'La langue est fr ou en.' }).default('fr'),
    /** The visitor's zone, for the times of their e-mails (Paris time is always shown too). */
    timeZone: TimeZone.optional(),
    /** `phone` needs `phone`; `video` needs an advisor with a video room (GET /v1/advisors). */
    callMode: CallMode.optional(),
    /**
     * The page the widget is on, where the e-mail's manage link reopens the booking; kept only when
     * its origin is PUBLIC_URL's or in ALLOWED_RETURN_ORIGINS, PUBLIC_URL's demo page otherwise.
     */
    pageUrl: z
      .url({ protocol: /^https?$/, message: 'Une adresse http(s) de page.' })
      .max(2000, 'Au plus 2000 caractères.')
      .optional(),
  })
  .superRefine((request, ctx) => {
    if (request.callMode === 'phone' && !request.phone) {
      ctx.addIssue({
        code: 'custom',
        path: ['phone'],
        message: 'Un numéro de téléphone est requis pour être appelé.',
      })
    }
  })
export type BookingRequest = z.infer<typeof BookingRequest>

export const BookingStatus = z.enum(['confirmed', 'cancelled'])
export type BookingStatus = z.infer<typeof BookingStatus>

/** The answer to POST /v1/bookings; the manage token is shown once and only its hash is kept. */
export const BookingConfirmation = z.object({
  id: z.string(),
  advisorId: AdvisorId,
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  status: BookingStatus,
  manageToken: z.string(),
  /** The .ics of the call, with the token: « Ajouter à mon agenda ». */
  icsUrl: z.url(),
  /** POST here to cancel (the token is in the query). */
  cancelUrl: z.url(),
  /** The page that reopens the booking (`…#ganapati-booking=<id>.<token>`), as the e-mails give it. */
  manageUrl: z.url(),
})
export type BookingConfirmation = z.infer<typeof BookingConfirmation>

/** GET /v1/bookings/:id?token= and the answer to a cancellation. */
export const BookingView = z.object({
  id: z.string(),
  advisorId: AdvisorId,
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  status: BookingStatus,
})
export type BookingView = z.infer<typeof BookingView>

export const ManageTokenQuery = z.strictObject({
  token: z.string().min(1, 'Le jeton de gestion du rendez-vous est requis.').max(200),
})
