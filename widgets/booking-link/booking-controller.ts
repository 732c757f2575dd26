/**
 * The booking widget's job, out of the element: load the advisor and the period's free slots,
 * follow the visitor's choice of a day and a slot, send the booking (one Idempotency-Key per
 * attempt), cancel it, and move focus to what replaced the control the visitor was on.
 */
import type { AdvisorList, CallMode, Slot, SlotList } from '../../api/contracts/advisors'
import type { BookingConfirmation, BookingContext, BookingView } from '../../api/contracts/bookings'
import type { PrivacyNotice } from '../../api/contracts/privacy'
import type { BookingWords, FormWords } from '../i18n/translation'
import { ApiError, RetryKey, isAbort, jsonPost, safeHttpUrl } from '../shared/api-client'
import type { ApiController } from '../shared/api-controller'
import { FocusAfterRender } from '../shared/focus-after-render'
import type { LocalizeController } from '../shared/localize'
import { bookingContext } from './booking-context'
import { explain, failureText, fieldErrors, readFailure } from './booking-failure'
import { FIELDS, bookingRequest, checkFields, type Field } from './booking-form'
import type { GanapatiBookingLink } from './booking-link'
import { cancelBooking } from './confirmation'
import { keep, keptFor, pageAddress, takeFromAddress, type KeptBooking } from './kept-booking'
import {
  PARIS,
  addDays,
  dateIn,
  formatDay,
  formatTime,
  slotsByDay,
  timeZoneOf,
} from './slot-format'

/** Days shown at once: the API's default span (GET /v1/advisors/:id/slots). */
export const PERIOD_DAYS = 14

export class BookingController {
  readonly #host: GanapatiBookingLink
  readonly #api: ApiController
  readonly #i18n: LocalizeController<FormWords & BookingWords>
  /** Where focus goes after the next render. */
  readonly #focus: FocusAfterRender
  /** One Idempotency-Key per booking attempt: the same request retried never books twice. */
  readonly #retryKey = new RetryKey()
  /** Whether the booking shown was reopened (manage link, reload) rather than just made. */
  reopened = false

  constructor(
    host: GanapatiBookingLink,
    api: ApiController,
    i18n: LocalizeController<FormWords & BookingWords>,
  ) {
    this.#host = host
    this.#api = api
    this.#i18n = i18n
    this.#focus = new FocusAfterRender(host)
  }

  /** The time zone the times are shown in: the `time-zone` attribute, else the visitor's. */
  get zone(): string {
    return timeZoneOf(this.#host.timeZone)
  }

  /** The first day of the period shown, YYYY-MM-DD in Paris. */
  get from(): string {
    return addDays(dateIn(new Date(), PARIS), this.#host.period * PERIOD_DAYS)
  }

  get #advisor() {
    const host = this.#host
    return host.advisors?.find((advisor) => advisor.id === host.advisorId)
  }

  get advisorName(): string | undefined {
    return this.#advisor?.name
  }

  /** How the advisor can talk: a choice is offered when there are several. */
  get callModes(): CallMode[] {
    return this.#advisor?.callModes ?? []
  }

  /** Presets first, then what the page's finder and simulator found, in the API's shapes. */
  get context(): BookingContext {
    const host = this.#host
    return bookingContext(host, host.found, host.opcos)
  }

  /**
   * Loads the advisor (the first listed unless `advisor` names one) and the period's free slots;
   * first, the booking the page address or this tab keeps, shown instead when the API still knows it.
   */
  async load(): Promise<void> {
    const host = this.#host
    const { t, lang } = this.#i18n
    host.state = 'loading'
    // Kept at once: a link opened offline is not lost with the address bar's fragment.
    const opened = host.booking ? null : takeFromAddress()
    if (opened) keep(this.#api.base, opened)
    const kept = host.booking ? null : keptFor(this.#api.base)
    if (kept && (await this.#reopen(kept))) return
    // Shown under the form; a failure leaves it out (the API states it in the e-mail too).
    this.#api.cached<PrivacyNotice>('/v1/privacy', { lang }).then(
      (notice) => (host.privacy = notice),
      () => {},
    )
    const listed = host.advisors
      ? Promise.resolve(host.advisors)
      : this.#api.get<AdvisorList>('/v1/advisors', {}, 'advisors').then(({ items }) => {
          host.advisors = items
          return items
        })
    // With an `advisor` attribute the list only names it: its failure is not the slots'.
    listed.catch(() => {})
    try {
      const id = host.advisor || (await listed)[0]?.id
      if (!id) {
        host.notice = { text: t.noAdvisor }
        host.state = 'error'
        return
      }
      const { from } = this
      const list = await this.#api.get<SlotList>(
        `/v1/advisors/${encodeURIComponent(id)}/slots`,
        { from, to: addDays(from, PERIOD_DAYS - 1) },
        'slots',
      )
      host.advisorId = id
      host.slots = list.slots
      if (host.day && !slotsByDay(list.slots, this.zone).has(host.day)) host.day = null
      if (!list.slots.some((slot) => slot.start === host.chosen?.start)) host.chosen = null
      host.state = 'ready'
    } catch (error) {
      if (isAbort(error)) return
      const failure = error instanceof ApiError ? error : new ApiError('server', null)
      host.notice = {
        // The advisor id is the only thing of ours these requests carry that the API may refuse.
        text:
          failure.kind === 'not-found' || failure.kind === 'invalid'
            ? t.unknownAdvisor
            : failure.describe(t, lang),
      }
      host.state = 'error'
    }
  }

  /** Shows a kept booking as the API knows it now; false (and forgotten) when it knows none. */
  async #reopen(kept: KeptBooking): Promise<boolean> {
    const host = this.#host
    const { id, token } = kept
    const path = `/v1/bookings/${encodeURIComponent(id)}`
    try {
      const view = await this.#api.get<BookingView>(path, { token }, 'booking')
      const url = (suffix: string) => this.#api.url(path + suffix, { token }).href
      keep(this.#api.base, kept)
      this.reopened = true
      host.advisorId = view.advisorId
      host.booking = {
        ...view,
        manageToken: token,
        icsUrl: url('.ics'),
        cancelUrl: url('/cancel'),
        manageUrl: location.href,
      }
      host.state = view.status
      return true
    } catch (error) {
      if (isAbort(error)) return true
      // A token refused, a booking erased after its retention period: the slots instead.
      if (error instanceof ApiError && (error.kind === 'not-found' || error.kind === 'invalid')) {
        keep(this.#api.base, null)
        return false
      }
      // Offline, the service failing: the booking stays kept, and « Réessayer » asks again
      // rather than offer slots to book twice.
      const { t, lang } = this.#i18n
      const failure = error instanceof ApiError ? error : new ApiError('server', null)
      host.notice = { text: explain(failure, lang, t) }
      host.state = 'error'
      return true
    }
  }

  retry(): void {
    // The button goes with the error: keyboard focus must not fall to <body>.
    this.#focus.next = '#title'
    this.#host.notice = null
    void this.load()
  }

  /** Shows the previous (-1) or next (1) period. */
  async turn(step: number): Promise<void> {
    const host = this.#host
    host.period += step
    host.day = host.chosen = host.notice = null
    await this.load()
    // Once loaded: the period's days, or its empty message, replace what had focus.
    this.#focus.next = '#days-title'
    host.requestUpdate()
  }

  pickDay(day: string): void {
    const host = this.#host
    host.day = day
    host.chosen = host.notice = null
    this.#focus.next = '[part~="slot"]'
  }

  pickSlot(slot: Slot): void {
    const host = this.#host
    host.chosen = slot
    host.notice = null
    this.#focus.next = '#name'
  }

  /** A field typed in: its value kept, the message about the previous value gone. */
  input(event: Event): void {
    const host = this.#host
    const control = event.target as HTMLInputElement
    const field = control.name as Field
    host.values = { ...host.values, [field]: control.value }
    if (host.errors[field]) host.errors = { ...host.errors, [field]: undefined }
  }

  async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const host = this.#host
    const slot = host.chosen
    if (host.state === 'submitting' || !slot) return
    const { lang } = this.#i18n
    const { trimmed, errors } = checkFields(host.values, this.#i18n.t)
    host.errors = errors
    host.notice = null
    if (this.#invalid()) return

    const body = {
      ...bookingRequest(host.advisorId!, slot, trimmed, this.context, lang, host.callMode),
      timeZone: this.zone,
      // Where the e-mail's manage link brings the visitor back: the page, its hash route kept.
      pageUrl: pageAddress(),
    }
    const init = jsonPost(body)
    const key = this.#retryKey.for(JSON.stringify(body))
    init.headers = { ...(init.headers as Record<string, string>), 'idempotency-key': key }
    host.state = 'submitting'
    host.emit('ganapati-booking-submitted', { advisorId: body.advisorId, start: body.start })
    try {
      const booking = await this.#api.get<BookingConfirmation>('/v1/bookings', {}, 'booking', init)
      this.#retryKey.answered()
      keep(this.#api.base, { id: booking.id, token: booking.manageToken })
      this.reopened = false
      host.booking = booking
      host.chosen = host.day = null
      host.asking = false
      host.state = 'confirmed'
      this.#focus.next = '#confirmation-title'
      const { id, advisorId, start, end } = booking
      host.emit('ganapati-booking-confirmed', { id, advisorId, start, end })
    } catch (error) {
      // Aborted: the element left the page mid-request; the same form sent again reuses the key.
      host.state = 'ready'
      if (!isAbort(error)) this.#fail(error, slot)
    }
  }

  /** Says why a booking failed, next to a field when the API names one; the form keeps its values. */
  #fail(error: unknown, slot: Slot) {
    const host = this.#host
    const { t, lang } = this.#i18n
    const { failure, slug } = readFailure(error)
    if (slug === 'slot-taken' || slug === 'slot-unavailable') {
      // Someone else took it, or its notice passed: the list is refreshed without it.
      const zone = this.zone
      const when = `${formatDay(dateIn(slot.start, zone), lang)}, ${formatTime(slot.start, lang, zone)}`
      host.notice = { text: t[slug === 'slot-taken' ? 'taken' : 'unavailable'](when), focus: true }
      host.chosen = null
      this.#focus.next = '#notice'
      void this.load()
    } else {
      host.errors = fieldErrors(failure, lang, t)
      host.notice = { text: this.#invalid() ? t.fix : failureText(failure, slug, lang, t) }
    }
    host.emit('ganapati-booking-failed', { reason: slug ?? failure.kind, status: failure.status })
  }

  /** Whether a field is flagged; focuses the first one flagged. */
  #invalid(): boolean {
    const field = FIELDS.find((name) => this.#host.errors[name])
    if (field) this.#focus.next = `#${field}`
    return !!field
  }

  /**
   * The cancel action asks first: `asking` shows or hides the question. Asked, focus goes to « Non »,
   * the harmless answer, so an Enter pressed twice keeps the booking.
   */
  ask(asking: boolean): void {
    this.#host.asking = asking
    this.#focus.next = asking ? '#keep' : '[part~="cancel"]'
  }

  async cancel(): Promise<void> {
    const host = this.#host
    const booking = host.booking
    const url = safeHttpUrl(booking?.cancelUrl)
    if (!booking || !url || host.state === 'submitting') return
    host.state = 'submitting'
    host.notice = null
    try {
      const view = await cancelBooking(url)
      host.booking = { ...booking, status: view.status }
      host.state = 'cancelled'
      this.#focus.next = '#confirmation-title'
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError('server', null)
      host.notice = { text: explain(failure, this.#i18n.lang, this.#i18n.t) }
      host.state = 'confirmed'
      this.#focus.next = '[part~="cancel"]'
    }
    host.asking = false
  }

  /** After a cancellation: back to the free slots, the cancelled booking forgotten. */
  again(): void {
    const host = this.#host
    keep(this.#api.base, null)
    host.booking = host.notice = null
    this.#focus.next = '#title'
    void this.load()
  }
}
