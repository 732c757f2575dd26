/** Public and admin contract of the advisor routes: who can be booked, their weekly hours in Paris time, free slots. */
import { z } from 'zod'
import { singleLine } from './text-fields'

/** Every advisor's rules are written in France's time zone; slots travel as UTC instants. */
export const ADVISOR_TIME_ZONE = 'Europe/Paris'

export const AdvisorId = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'Un identifiant en minuscules, chiffres et tirets, par exemple conseiller-ganapati.',
  )
  .max(64, 'Au plus 64 caractères.')

/** How the call happens: the advisor calls the visitor's phone, or meets them in a video room. */
export const CALL_MODES = ['phone', 'video'] as const
export const CallMode = z.enum(CALL_MODES, { message: 'Un appel phone ou video.' })
export type CallMode = z.infer<typeof CallMode>

/** `:id` of the advisor routes. */
export const AdvisorParam = z.object({ id: AdvisorId })

export const Weekday = z.enum(
  ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
  { message: 'Un jour de la semaine en anglais : monday … sunday.' },
)
export type Weekday = z.infer<typeof Weekday>

const WallTime = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'Une heure au format HH:MM, par exemple 09:00.')

/** A window of a weekday in Paris wall-clock time, `from` included, `to` excluded. */
export const WeeklyWindow = z
  .strictObject({ day: Weekday, from: WallTime, to: WallTime.or(z.literal('24:00')) })
  .refine((window) => window.from < window.to, {
    message: 'L’heure de fin doit suivre l’heure de début.',
    path: ['to'],
  })
export type WeeklyWindow = z.infer<typeof WeeklyWindow>

const Minutes = (min: number, max: number) =>
  z
    .number({ message: 'Un nombre de minutes.' })
    .int('Un nombre entier de minutes.')
    .min(min, `Au moins ${min} minutes.`)
    .max(max, `Au plus ${max} minutes.`)

/** What an admin sets for an advisor (PUT /v1/admin/advisors/:id). Defaults are the issue's. */
export const AdvisorSettings = z.strictObject({
  name: singleLine(
    z.string().trim().min(1, 'Le nom est requis.').max(120, 'Au plus 120 caractères.'),
  ),
  /** Organizer of the calendar events; not shown on the public routes. */
  email: z.email({ message: 'Une adresse e-mail valide.' }).max(254),
  active: z.boolean().default(true),
  slotMinutes: Minutes(10, 240).default(30),
  /** Free time kept after each call (and before the next one). */
  bufferMinutes: Minutes(0, 120).default(0),
  /** How long before a call it can still be booked: 2 h by default. */
  minNoticeMinutes: Minutes(0, 14 * 24 * 60).default(120),
  /** How far ahead calls can be booked, in days: 30 by default. */
  horizonDays: z
    .number({ message: 'Un nombre de jours.' })
    .int('Un nombre entier de jours.')
    .min(1, 'Au moins 1 jour.')
    .max(365, 'Au plus 365 jours.')
    .default(30),
  weeklyHours: z.array(WeeklyWindow).max(50, 'Au plus 50 plages par semaine.'),
  /** The advisor's video room (https), given to visitors who choose a video call; none: phone only. */
  videoUrl: z
    .url({ protocol: /^https$/, message: 'Une adresse https de salle vidéo.' })
    .max(500, 'Au plus 500 caractères.')
    .optional(),
})
export type AdvisorSettings = z.infer<typeof AdvisorSettings>

export const IsoDate = z.iso.date({
  message: 'Une date au format AAAA-MM-JJ, par exemple 2026-12-01.',
})

/** A day the advisor does not work (PUT /v1/admin/advisors/:id/days-off/:date). */
export const DayOff = z.strictObject({
  reason: singleLine(z.string().trim().max(200, 'Au plus 200 caractères.')).optional(),
})

export const AdvisorSummary = z.object({
  id: AdvisorId,
  name: z.string(),
  /** How a visitor can be called: `phone` always, `video` when the advisor has a video room. */
  callModes: z.array(CallMode),
})
export type AdvisorSummary = z.infer<typeof AdvisorSummary>

export const AdvisorList = z.object({ items: z.array(AdvisorSummary) })
export type AdvisorList = z.infer<typeof AdvisorList>

/**
 * Days one slot list spans at most: a month view, which any horizon up to a year pages through,
 * while a dense calendar (10-min calls round the clock) stays a few thousand slots per request.
 */
export const SLOT_LIST_MAX_DAYS = 31

/** `from` and `to` are Paris dates, both included; by default the two weeks from today. */
export const SlotsQuery = z.strictObject({ from: IsoDate.optional(), to: IsoDate.optional() })

export const Slot = z.object({ start: z.iso.datetime(), end: z.iso.datetime() })
export type Slot = z.infer<typeof Slot>

export const SlotList = z.object({
  timeZone: z.literal(ADVISOR_TIME_ZONE),
  advisorId: AdvisorId,
  from: IsoDate,
  to: IsoDate,
  /** Free slots only, in start order, as UTC instants (ISO 8601, `Z`). */
  slots: z.array(Slot),
})
export type SlotList = z.infer<typeof SlotList>
