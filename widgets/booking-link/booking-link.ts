/** The advisor booking widget: a free slot of a Ganapati advisor booked in two clicks and a short form, or a prefilled link to a partner's scheduler. */
import { html, nothing, type PropertyValues } from 'lit'
import type { AdvisorSummary, CallMode, Slot } from '../../api/contracts/advisors'
import type { BookingConfirmation, BookingContext } from '../../api/contracts/bookings'
import type { PrivacyNotice } from '../../api/contracts/privacy'
import * as fr from '../i18n/fr'
import { ApiController } from '../shared/api-controller'
import { GanapatiElement } from '../shared/base-element'
import { sharedStyles } from '../shared/controls.styles'
import { fieldStyles } from '../shared/field.styles'
import { LocalizeController } from '../shared/localize'
import { PageContextController } from '../shared/page-context'
import { styles } from './booking-link.styles'
import { contextLines, simulationContext } from './booking-context'
import { BookingController } from './booking-controller'
import { bookingForm, type Values } from './booking-form'
import { summaryView, type Notice } from './booking-parts'
import { confirmation } from './confirmation'
import { linkMode, linkState } from './link-mode'
import { scheduler } from './scheduler'

export type BookingState = 'loading' | 'ready' | 'error' | 'submitting' | 'confirmed' | 'cancelled'

/**
 * @tagname ganapati-booking-link
 * @summary Books a call with a Ganapati advisor: free days, then that day's free slots in the
 * visitor's time zone (with Paris time alongside), a short form, a confirmation with « Ajouter à
 * mon agenda » and a cancel action. The SIRET, IDCC, OPCO and simulation found by a finder or a
 * simulator on the page travel with the booking. With `provider` and `href`, renders instead a link
 * to the partner's own scheduler (HubSpot Meetings, Cal.com, Calendly) with what is known prefilled.
 *
 * @event ganapati-booking-submitted - A booking request was sent. `detail: { advisorId, start }`.
 * @event ganapati-booking-confirmed - The booking is made. `detail: { id, advisorId, start, end }` (never the manage token).
 * @event ganapati-booking-failed - A booking request did not go through. `detail: { reason, status }`: the problem's slug (`slot-taken`, `slot-unavailable`, `validation-error`…) or the error kind (`network`, `timeout`, `offline`…), and the HTTP status (null without an answer).
 *
 * @csspart base - The root wrapper.
 * @csspart title - The widget's heading.
 * @csspart days - The group of days.
 * @csspart day - One day with free slots (a button, `aria-pressed` when chosen).
 * @csspart slots - The group of the chosen day's slots.
 * @csspart slot - One free slot (a button, `aria-pressed` when chosen).
 * @csspart pager - The previous / next period buttons.
 * @csspart form - The form of the visitor's details.
 * @csspart field - One field: its label, control and error.
 * @csspart label - A field's visible label.
 * @csspart input - Every text control of the form.
 * @csspart error - The message under a refused field.
 * @csspart summary - « Votre conseiller recevra : » and the context carried.
 * @csspart submit - « Confirmer le rendez-vous ».
 * @csspart message - Loading, empty, error and « slot taken » messages.
 * @csspart button - Every secondary button: retry, pager, cancel, keep.
 * @csspart confirmation - The confirmed or cancelled call.
 * @csspart calendar - « Ajouter à mon agenda » (the .ics of the call).
 * @csspart cancel - « Annuler le rendez-vous » and « Oui, annuler ».
 * @csspart link - Link mode: the link to the partner's scheduler.
 *
 * @cssproperty --ganapati-color-primary - Buttons, chosen day and slot, links.
 * @cssproperty --ganapati-color-primary-hover - Hovered buttons and links.
 * @cssproperty --ganapati-color-on-primary - Text on primary.
 * @cssproperty --ganapati-color-text - Body text.
 * @cssproperty --ganapati-color-muted - Secondary text.
 * @cssproperty --ganapati-color-surface - Panel, button and input background.
 * @cssproperty --ganapati-color-surface-alt - Summary and message background.
 * @cssproperty --ganapati-color-border - Borders.
 * @cssproperty --ganapati-color-focus - Focus ring.
 * @cssproperty --ganapati-color-success - The confirmation; background `--ganapati-color-success-bg`.
 * @cssproperty --ganapati-color-danger - Errors; background `--ganapati-color-danger-bg`.
 * @cssproperty --ganapati-radius - Corner radius of the panel.
 * @cssproperty --ganapati-radius-small - Corner radius of buttons and controls.
 * @cssproperty --ganapati-font-family - Font stack.
 * @cssproperty --ganapati-font-size - Base font size.
 * @cssproperty --ganapati-spacing - Base spacing unit.
 * @cssproperty --ganapati-shadow - Panel shadow.
 * @cssproperty --ganapati-color-scheme - `light` or `dark`: native controls' palette (default: the theme's).
 */
export class GanapatiBookingLink extends GanapatiElement {
  static override styles = [sharedStyles, fieldStyles, styles]

  static override properties = {
    advisors: { state: true },
    advisorId: { state: true },
    slots: { state: true },
    period: { state: true },
    day: { state: true },
    chosen: { state: true },
    values: { state: true },
    errors: { state: true },
    notice: { state: true },
    booking: { state: true },
    asking: { state: true },
    found: { state: true },
    opcos: { state: true },
    callMode: { state: true },
    privacy: { state: true },
    advisor: {},
    provider: {},
    href: {},
    timeZone: { attribute: 'time-zone' },
    siret: {},
    idcc: {},
    opco: {},
    name: {},
    email: {},
    phone: {},
    company: {},
    state: { reflect: true },
  }

  /** Advisors once GET /v1/advisors answered, to name the one booked. */
  declare advisors?: AdvisorSummary[] | null
  /** The advisor whose slots are shown; empty until the first list of slots. */
  declare advisorId?: string
  /** Free slots of the period shown. */
  declare slots: Slot[]
  /** Which period of PERIOD_DAYS days is shown: 0 from today, 1 the next… */
  declare period: number
  /** The chosen day, YYYY-MM-DD in the visitor's time zone. */
  declare day?: string | null
  /** The chosen slot: the form is shown for it. */
  declare chosen?: Slot | null
  /** What the form's fields hold; kept when a booking fails. */
  declare values: Values
  /** Messages shown under the fields they are about. */
  declare errors: Values
  /** A message about the slots or the last request. */
  declare notice?: Notice | null
  /** The booking made, with its links; its status turns `cancelled` on cancellation. */
  declare booking?: BookingConfirmation | null
  /** The cancel action asks for confirmation. */
  declare asking?: boolean
  /** Context from `ganapati-opco-found` and `ganapati-simulation-change` events on the page. */
  declare found: BookingContext
  /** OPCO short names by id once GET /v1/opcos answered. */
  declare opcos?: Map<string, string> | null
  /** How the visitor chose to talk, when the advisor offers a choice. */
  declare callMode?: CallMode
  /** The privacy notice shown under the form (GET /v1/privacy), once answered. */
  declare privacy?: PrivacyNotice | null

  /** Advisor id; by default the first of GET /v1/advisors. */
  declare advisor?: string | null
  /** Link mode: `hubspot`, `calcom` or `calendly`, the partner's scheduler `href` points to. */
  declare provider?: string | null
  /** Link mode: the partner's scheduling page (http/https only; its own query is kept). */
  declare href?: string | null
  /** IANA time zone the times are shown in (`time-zone`); by default the visitor's. */
  declare timeZone?: string | null
  /** Preset SIRET of the visitor's company, sent to the advisor. */
  declare siret?: string | null
  /** Preset IDCC of the company's convention; a finder's result for another OPCO is then ignored. */
  declare idcc?: string | null
  /** Preset OPCO id, e.g. `atlas`; a finder's result for another OPCO is then ignored. */
  declare opco?: string | null
  /** The visitor's name when the host page knows it: prefills the form or the partner's link. */
  declare name?: string | null
  /** The visitor's e-mail when the host page knows it. */
  declare email?: string | null
  /** The visitor's phone when the host page knows it. */
  declare phone?: string | null
  /** The visitor's company when the host page knows it. */
  declare company?: string | null
  /** Read-only UI state, reflected for host-page styling: loading, ready, error, submitting, confirmed or cancelled. */
  declare state: BookingState

  readonly #api = new ApiController(this)
  readonly #i18n = new LocalizeController(this, { ...fr.form, ...fr.booking }, (en) => ({
    ...en.form,
    ...en.booking,
  }))
  readonly #booking = new BookingController(this, this.#api, this.#i18n)
  readonly #context = new PageContextController(this, {
    // A finder's new search, whatever it found: the previous company's SIRET, IDCC and name go,
    // and the simulation made for it (the simulator sends the next). What it found is taken
    // unless a preset OPCO differs.
    'ganapati-opco-found': ({ opcoId, idcc, siret, company }) => {
      const taken = !!opcoId && (this.opco ?? opcoId) === opcoId
      this.found = taken ? { opcoId, idcc, siret } : {}
      // The form's company is the one found, or none, unless the page or the visitor wrote another.
      const name = (taken && company) || ''
      const { values } = this
      if (!this.company && (values.company ?? '') === this.#foundCompany) {
        this.values = { ...values, company: name }
      }
      this.#foundCompany = name
    },
    // A simulator showed figures: the advisor gets them, and its OPCO and IDCC if none is known.
    'ganapati-simulation-change': (detail) => {
      const { found } = this
      this.found = {
        ...found,
        opcoId: found.opcoId ?? detail.result.opcoId,
        idcc: found.idcc ?? detail.request.idcc,
        simulation: simulationContext(detail),
      }
    },
  })
  #opcosAsked = false
  /** The company name a finder's result put in the form. */
  #foundCompany = ''

  constructor() {
    super()
    this.slots = []
    this.period = 0
    this.values = {}
    this.errors = {}
    this.found = {}
    this.state = 'loading'
  }

  get #linkMode(): boolean {
    return this.provider != null || this.href != null
  }

  override connectedCallback() {
    super.connectedCallback()
    // Leaving the page cancelled the load in flight: moving the element in the DOM redoes it.
    if (this.hasUpdated && this.state === 'loading') void this.#booking.load()
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    for (const field of ['name', 'email', 'phone', 'company'] as const) {
      if (changed.has(field) && this[field]) this.values = { ...this.values, [field]: this[field] }
    }
    if (changed.has('api')) {
      this.advisors = this.opcos = null
      this.#opcosAsked = false
    }
    const opcoId = this.opco ?? this.found.opcoId
    const newOpco = !this.hasUpdated || changed.has('found') || changed.has('opco')
    if (opcoId && !this.#opcosAsked && newOpco) {
      // Names the OPCO in the summary; a failure leaves its id shown until the next context.
      this.#opcosAsked = true
      this.#api.opcos().then(
        (opcos) =>
          (this.opcos = new Map([...opcos.values()].map((opco) => [opco.id, opco.shortName]))),
        () => (this.#opcosAsked = false),
      )
    }
    if (this.#linkMode) {
      this.state = linkState(this.provider, this.href)
    } else if (!this.hasUpdated || changed.has('api') || changed.has('advisor')) {
      void this.#booking.load()
    }
  }

  /** « Votre conseiller recevra : … » in the visitor's language. */
  #summary(context: BookingContext, company?: string | null) {
    const { t, lang } = this.#i18n
    const opcoName = this.opcos?.get(context.opcoId ?? '') ?? null
    return summaryView(t, contextLines(context, t, lang, opcoName, company))
  }

  /** Focuses the widget's title (its link in link mode): where a page's call to book lands. */
  override focus(options?: FocusOptions) {
    this.renderRoot.querySelector<HTMLElement>('#title, a')?.focus(options)
  }

  override render() {
    const { t, lang } = this.#i18n
    const booking = this.#booking
    const context = booking.context
    if (this.#linkMode) {
      return html`<div class="base base--link" part="base" lang=${lang}>
        ${linkMode(this, t, context, this.#summary(context, this.company))}
      </div>`
    }
    const { state } = this
    const loading = state === 'loading'
    return html`<div class="base" part="base" lang=${lang}>
      <h2 class="title" part="title" id="title" tabindex="-1">${t.book}</h2>
      <div class="visually-hidden" role="status">
        ${loading ? t.loading : state === 'submitting' ? (this.booking ? t.cancelling : t.submitting) : ''}
      </div>
      <div class="body" aria-busy=${loading}>
        ${loading && !this.advisorId ? html`<p class="muted" part="message">${t.loading}</p>` : nothing}
        ${
          state === 'error'
            ? html`<div class="notice notice--error" part="message" role="alert">
                <p>${this.notice?.text}</p>
                <button
                  class="button button--secondary"
                  part="button"
                  type="button"
                  @click=${() => booking.retry()}
                >
                  ${t.retry}
                </button>
              </div>`
            : this.booking
              ? confirmation(this, booking, t, lang)
              : this.advisorId
                ? html`${scheduler(this, booking, t, lang)}
                  ${this.chosen ? bookingForm(this, booking, t, lang, this.#summary(context)) : nothing}`
                : nothing
        }
      </div>
    </div>`
  }
}
