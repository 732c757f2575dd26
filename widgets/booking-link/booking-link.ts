/** The advisor booking widget: a free slot of a Ganapati advisor booked in two clicks and a short form, or a prefilled link to a partner's scheduler. */
import { html, nothing, type PropertyValues } from 'lit'
import type { AdvisorList, AdvisorSummary, Slot, SlotList } from '../../api/contracts/advisors'
import type {
  BookingConfirmation,
  BookingContext,
  BookingRequest,
  BookingView,
} from '../../api/contracts/bookings'
import type { OpcoId, OpcoList } from '../../api/contracts/opcos'
import {
  ApiClient,
  ApiError,
  apiBase,
  isAbort,
  jsonPost,
  safeHttpUrl,
  scriptOrigin,
} from '../shared/api-client'
import { GanapatiElement } from '../shared/base-element'
import type { OpcoFoundDetail, SimulationChangeDetail } from '../shared/events'
import { dictionaries, toLang, type Lang } from '../shared/i18n'
import { styles } from './booking-link.styles'
import { contextLines, simulationContext } from './booking-context'
import { PROVIDERS, providerLink, type Provider } from './provider-link'
import {
  PARIS,
  addDays,
  dateIn,
  formatCall,
  formatDay,
  formatTime,
  parisTime,
  slotsByDay,
  timeZoneOf,
} from './slot-format'

export type BookingState = 'loading' | 'ready' | 'error' | 'submitting' | 'confirmed' | 'cancelled'

type Field = 'name' | 'email' | 'phone' | 'company' | 'message'

const FIELDS: Field[] = ['name', 'email', 'phone', 'company', 'message']

/** Form controls: autocomplete token (WHATWG autofill), input type and the API's maximum length. */
const CONTROLS: Record<Field, [autocomplete: string, type: string, maxlength: number]> = {
  name: ['name', 'text', 120],
  email: ['email', 'email', 254],
  phone: ['tel', 'tel', 30],
  company: ['organization', 'text', 160],
  message: ['off', 'text', 2000],
}

/** Days shown at once: the API's default span (GET /v1/advisors/:id/slots). */
const PERIOD_DAYS = 14

const t = dictionaries({
  fr: {
    title: 'Prendre rendez-vous avec un conseiller',
    intro: (minutes: number, advisor: string) => `Un appel de ${minutes} minutes avec ${advisor}.`,
    anAdvisor: 'un conseiller Ganapati',
    zone: (zone: string) => `Horaires affichés dans votre fuseau horaire : ${zone}.`,
    loading: 'Chargement des créneaux libres…',
    days: 'Choisissez un jour',
    slots: (day: string) => `Choisissez un horaire, ${day}`,
    count: (n: number) => (n > 1 ? `${n} créneaux` : '1 créneau'),
    paris: 'heure de Paris',
    empty: `Aucun créneau libre dans les ${PERIOD_DAYS} prochains jours.`,
    emptyLater: (from: string, to: string) => `Aucun créneau libre du ${from} au ${to}.`,
    previous: `${PERIOD_DAYS} jours précédents`,
    next: `${PERIOD_DAYS} jours suivants`,
    form: 'Vos coordonnées',
    fields: {
      name: 'Nom et prénom',
      email: 'Adresse e-mail',
      phone: 'Téléphone (facultatif)',
      company: 'Entreprise (facultatif)',
      message: 'Votre question (facultatif)',
    },
    required: { name: 'Indiquez votre nom.', email: 'Indiquez votre adresse e-mail.' },
    badEmail: 'Adresse e-mail invalide : par exemple nom@entreprise.fr.',
    invalid: 'Valeur refusée : vérifiez-la.',
    fix: 'Corrigez le champ signalé, puis confirmez à nouveau.',
    context: 'Votre conseiller recevra :',
    submit: 'Confirmer le rendez-vous',
    submitting: 'Réservation en cours…',
    taken: (when: string) =>
      `Le créneau du ${when} vient d’être réservé par quelqu’un d’autre. Choisissez-en un autre : la liste est à jour et vos informations sont conservées.`,
    unavailable: (when: string) =>
      `Le créneau du ${when} n’est plus proposé. Choisissez-en un autre : la liste est à jour et vos informations sont conservées.`,
    inFlight:
      'Votre demande précédente est encore en cours de traitement. Patientez quelques secondes, puis confirmez à nouveau.',
    tooLarge: 'Votre message est trop long : raccourcissez-le, puis confirmez à nouveau.',
    tooMany: 'Trop de demandes en peu de temps. Patientez un instant, puis confirmez à nouveau.',
    kept: 'Vos informations sont conservées.',
    confirmed: 'Rendez-vous confirmé',
    withAdvisor: (advisor: string) => `Avec ${advisor}.`,
    atParis: (call: string) => `Soit ${call} (heure de Paris).`,
    calendar: 'Ajouter à mon agenda',
    cancel: 'Annuler le rendez-vous',
    ask: 'Annuler ce rendez-vous ? Le créneau sera libéré.',
    yes: 'Oui, annuler',
    no: 'Non, le garder',
    cancelling: 'Annulation en cours…',
    cancelled: 'Rendez-vous annulé',
    again: 'Choisir un autre créneau',
    retry: 'Réessayer',
    noAdvisor: 'Aucun conseiller ne prend de rendez-vous pour le moment.',
    unknownAdvisor: 'Ce conseiller est introuvable.',
    link: 'Prendre rendez-vous avec un conseiller',
    newTab: '(nouvel onglet)',
    badHref:
      'Le lien de prise de rendez-vous de cette page n’est pas valide : seules les adresses http et https sont acceptées.',
    badProvider: 'Le service de rendez-vous de cette page doit être hubspot, calcom ou calendly.',
  },
  en: {
    title: 'Book a call with an advisor',
    intro: (minutes: number, advisor: string) => `A ${minutes}-minute call with ${advisor}.`,
    anAdvisor: 'a Ganapati advisor',
    zone: (zone: string) => `Times shown in your time zone: ${zone}.`,
    loading: 'Loading free slots…',
    days: 'Choose a day',
    slots: (day: string) => `Choose a time, ${day}`,
    count: (n: number) => (n > 1 ? `${n} slots` : '1 slot'),
    paris: 'Paris time',
    empty: `No free slot in the next ${PERIOD_DAYS} days.`,
    emptyLater: (from: string, to: string) => `No free slot from ${from} to ${to}.`,
    previous: `Previous ${PERIOD_DAYS} days`,
    next: `Next ${PERIOD_DAYS} days`,
    form: 'Your details',
    fields: {
      name: 'Full name',
      email: 'Email address',
      phone: 'Phone (optional)',
      company: 'Company (optional)',
      message: 'Your question (optional)',
    },
    required: { name: 'Enter your name.', email: 'Enter your email address.' },
    badEmail: 'Enter a valid email address, e.g. name@company.com.',
    invalid: 'This value is not accepted: check it.',
    fix: 'Correct the flagged field, then confirm again.',
    context: 'Your advisor will receive:',
    submit: 'Confirm the call',
    submitting: 'Booking…',
    taken: (when: string) =>
      `The ${when} slot has just been booked by someone else. Choose another one: the list is up to date and your details are kept.`,
    unavailable: (when: string) =>
      `The ${when} slot is no longer offered. Choose another one: the list is up to date and your details are kept.`,
    inFlight:
      'Your previous request is still being processed. Wait a few seconds, then confirm again.',
    tooLarge: 'Your message is too long: shorten it, then confirm again.',
    tooMany: 'Too many requests in a short time. Wait a moment, then confirm again.',
    kept: 'Your details are kept.',
    confirmed: 'Call booked',
    withAdvisor: (advisor: string) => `With ${advisor}.`,
    atParis: (call: string) => `That is ${call} (Paris time).`,
    calendar: 'Add to my calendar',
    cancel: 'Cancel the call',
    ask: 'Cancel this call? The slot will be freed.',
    yes: 'Yes, cancel',
    no: 'No, keep it',
    cancelling: 'Cancelling…',
    cancelled: 'Call cancelled',
    again: 'Choose another slot',
    retry: 'Try again',
    noAdvisor: 'No advisor takes calls at the moment.',
    unknownAdvisor: 'This advisor cannot be found.',
    link: 'Book a call with an advisor',
    newTab: '(new tab)',
    badHref:
      'The booking link of this page is not valid: only http and https addresses are accepted.',
    badProvider: 'The booking service of this page must be hubspot, calcom or calendly.',
  },
})

type Dictionary = ReturnType<typeof t>

interface Notice {
  text: string
  /** The control the visitor was on is gone: focus goes to the message, which is then no alert. */
  focus?: boolean
}

// A pragmatic shape check; the API's own validation has the last word.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Digits of a SIRET (14) or an IDCC (1 to 4, zero-padded); null for anything else. */
function digits(value: string | null | undefined, length: number): string | null {
  const found = value?.replace(/[\s.]/g, '')
  if (!found || !/^\d+$/.test(found)) return null
  return length === 14
    ? found.length === 14
      ? found
      : null
    : found.length <= 4
      ? found.padStart(4, '0')
      : null
}

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
 */
export class GanapatiBookingLink extends GanapatiElement {
  static override styles = styles

  // `static properties` rather than decorators, `declare`d fields: see GanapatiOpcoFinder.
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
    api: {},
    locale: { attribute: 'lang' },
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
  declare advisors: AdvisorSummary[] | null
  /** The advisor whose slots are shown; empty until the first list of slots. */
  declare advisorId: string
  /** Free slots of the period shown. */
  declare slots: Slot[]
  /** Which period of PERIOD_DAYS days is shown: 0 from today, 1 the next… */
  declare period: number
  /** The chosen day, YYYY-MM-DD in the visitor's time zone. */
  declare day: string | null
  /** The chosen slot: the form is shown for it. */
  declare chosen: Slot | null
  /** What the form's fields hold; kept when a booking fails. */
  declare values: Partial<Record<Field, string>>
  /** Messages shown under the fields they are about. */
  declare errors: Partial<Record<Field, string>>
  /** A message about the slots or the last request. */
  declare notice: Notice | null
  /** The booking made, with its links; its status turns `cancelled` on cancellation. */
  declare booking: BookingConfirmation | null
  /** The cancel action asks for confirmation. */
  declare asking: boolean
  /** Context from `ganapati-opco-found` and `ganapati-simulation-change` events on the page. */
  declare found: BookingContext
  /** OPCO short names by id once GET /v1/opcos answered. */
  declare opcos: Map<string, string> | null

  /** Ganapati API: an http(s) origin, with a path prefix if any; by default the script's origin. */
  declare api: string
  /** Interface language (`lang` attribute): `fr` (default) or `en`. */
  declare locale: string | null
  /** Advisor id; by default the first of GET /v1/advisors. */
  declare advisor: string | null
  /** Link mode: `hubspot`, `calcom` or `calendly`, the partner's scheduler `href` points to. */
  declare provider: string | null
  /** Link mode: the partner's scheduling page (http/https only; its own query is kept). */
  declare href: string | null
  /** IANA time zone the times are shown in (`time-zone`); by default the visitor's. */
  declare timeZone: string | null
  /** Preset SIRET of the visitor's company, sent to the advisor. */
  declare siret: string | null
  /** Preset IDCC of the company's convention; a finder's result for another OPCO is then ignored. */
  declare idcc: string | null
  /** Preset OPCO id, e.g. `atlas`; a finder's result for another OPCO is then ignored. */
  declare opco: string | null
  /** The visitor's name when the host page knows it: prefills the form or the partner's link. */
  declare name: string | null
  /** The visitor's e-mail when the host page knows it. */
  declare email: string | null
  /** The visitor's phone when the host page knows it. */
  declare phone: string | null
  /** The visitor's company when the host page knows it. */
  declare company: string | null
  /** Read-only UI state, reflected for host-page styling: loading, ready, error, submitting, confirmed or cancelled. */
  declare state: BookingState

  #apiClient: ApiClient | null = null
  /** Selector of the element to focus after the next render. */
  #focus: string | null = null
  /** The body last sent and its Idempotency-Key: the same body retried reuses the key. */
  #sent = ''
  #key = ''
  #opcosAsked = false

  constructor() {
    super()
    this.advisors = null
    this.advisorId = ''
    this.slots = []
    this.period = 0
    this.day = null
    this.chosen = null
    this.values = {}
    this.errors = {}
    this.notice = null
    this.booking = null
    this.asking = false
    this.found = {}
    this.opcos = null
    this.api = scriptOrigin
    this.locale = null
    this.advisor = null
    this.provider = null
    this.href = null
    this.timeZone = null
    this.siret = null
    this.idcc = null
    this.opco = null
    this.name = null
    this.email = null
    this.phone = null
    this.company = null
    this.state = 'loading'
  }

  get #language(): Lang {
    return toLang(this.locale)
  }

  get #client(): ApiClient {
    const base = apiBase(this.api)
    if (this.#apiClient?.base !== base) this.#apiClient = new ApiClient(base)
    return this.#apiClient
  }

  get #zone(): string {
    return timeZoneOf(this.timeZone)
  }

  get #linkMode(): boolean {
    return this.provider != null || this.href != null
  }

  /** Presets first, then what the page's finder and simulator found, in the API's shapes. */
  get #context(): BookingContext {
    const opcoId = (this.opco ?? this.found.opcoId) as OpcoId | null | undefined
    const context: BookingContext = {
      siret: digits(this.siret ?? this.found.siret, 14),
      idcc: digits(this.idcc ?? this.found.idcc, 4),
      // An id GET /v1/opcos does not know would make the API refuse the whole booking.
      opcoId: opcoId && (!this.opcos || this.opcos.has(opcoId)) ? opcoId : null,
      simulation: this.found.simulation,
    }
    return Object.fromEntries(Object.entries(context).filter(([, value]) => value != null))
  }

  get #advisorName(): string | undefined {
    return this.advisors?.find((advisor) => advisor.id === this.advisorId)?.name
  }

  /** A finder on the page found the company's OPCO; a preset OPCO that differs keeps its own. */
  readonly #onOpcoFound = ({ detail }: CustomEvent<OpcoFoundDetail>) => {
    if ((this.opco ?? detail.opcoId) !== detail.opcoId) return
    this.found = { ...this.found, opcoId: detail.opcoId, idcc: detail.idcc, siret: detail.siret }
  }

  /** A simulator on the page showed figures: the advisor gets them, and its OPCO and IDCC if none is known. */
  readonly #onSimulation = ({ detail }: CustomEvent<SimulationChangeDetail>) => {
    const { found } = this
    this.found = {
      ...found,
      opcoId: found.opcoId ?? detail.result.opcoId,
      idcc: found.idcc ?? detail.request.idcc,
      simulation: simulationContext(detail),
    }
  }

  override connectedCallback() {
    super.connectedCallback()
    document.addEventListener('ganapati-opco-found', this.#onOpcoFound)
    document.addEventListener('ganapati-simulation-change', this.#onSimulation)
    // disconnectedCallback cancelled the load in flight: moving the element in the DOM redoes it.
    if (this.hasUpdated && this.state === 'loading') void this.#load()
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    document.removeEventListener('ganapati-opco-found', this.#onOpcoFound)
    document.removeEventListener('ganapati-simulation-change', this.#onSimulation)
    this.#apiClient?.cancel()
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
      this.#client.get<OpcoList>('/v1/opcos').then(
        ({ items }) => (this.opcos = new Map(items.map((opco) => [opco.id, opco.shortName]))),
        () => (this.#opcosAsked = false),
      )
    }
    if (this.#linkMode) {
      this.state =
        safeHttpUrl(this.href) && PROVIDERS.includes(this.provider as Provider) ? 'ready' : 'error'
    } else if (!this.hasUpdated || changed.has('api') || changed.has('advisor')) {
      void this.#load()
    }
  }

  protected override updated() {
    if (this.#focus) {
      this.renderRoot.querySelector<HTMLElement>(this.#focus)?.focus()
      this.#focus = null
    }
  }

  /** Loads the advisor (the first listed unless `advisor` names one) and the period's free slots. */
  async #load(): Promise<void> {
    const lang = this.#language
    this.state = 'loading'
    const client = this.#client
    const listed = this.advisors
      ? Promise.resolve(this.advisors)
      : client.get<AdvisorList>('/v1/advisors', {}, 'advisors').then(({ items }) => {
          this.advisors = items
          return items
        })
    // With an `advisor` attribute the list only names it: its failure is not the slots'.
    listed.catch(() => {})
    try {
      const id = this.advisor || (await listed)[0]?.id
      if (!id) {
        this.notice = { text: t(lang).noAdvisor }
        this.state = 'error'
        return
      }
      const from = addDays(dateIn(new Date(), PARIS), this.period * PERIOD_DAYS)
      const list = await client.get<SlotList>(
        `/v1/advisors/${encodeURIComponent(id)}/slots`,
        { from, to: addDays(from, PERIOD_DAYS - 1) },
        'slots',
      )
      this.advisorId = id
      this.slots = list.slots
      const days = slotsByDay(list.slots, this.#zone)
      if (this.day && !days.has(this.day)) this.day = null
      if (!list.slots.some((slot) => slot.start === this.chosen?.start)) this.chosen = null
      this.state = 'ready'
    } catch (error) {
      if (isAbort(error)) return
      const failure = error instanceof ApiError ? error : new ApiError('server', null)
      this.notice = {
        // The advisor id is the only thing of ours these requests carry that the API may refuse.
        text:
          failure.kind === 'not-found' || failure.kind === 'invalid'
            ? t(lang).unknownAdvisor
            : failure.describe(lang),
      }
      this.state = 'error'
    }
  }

  #retry() {
    // The button goes with the error: keyboard focus must not fall to <body>.
    this.#focus = '#title'
    this.notice = null
    void this.#load()
  }

  async #turn(step: number) {
    this.period += step
    this.day = this.chosen = this.notice = null
    await this.#load()
    // Once loaded: the period's days, or its empty message, replace what had focus.
    this.#focus = '#days-title'
    this.requestUpdate()
  }

  #pickDay(day: string) {
    this.day = day
    this.chosen = this.notice = null
    this.#focus = '[part~="slot"]'
  }

  #pickSlot(slot: Slot) {
    this.chosen = slot
    this.notice = null
    this.#focus = '#name'
  }

  /** Arrow keys, Home and End move between the buttons of a group of days or slots. */
  #handleArrows(event: KeyboardEvent) {
    const buttons = [...(event.currentTarget as HTMLElement).querySelectorAll('button')]
    const index = buttons.indexOf(event.target as HTMLButtonElement)
    const step = (
      { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 } as Record<string, number>
    )[event.key]
    const next =
      event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : index + (step ?? NaN)
    if (index < 0 || Number.isNaN(next)) return
    event.preventDefault()
    buttons[(next + buttons.length) % buttons.length]?.focus()
  }

  #handleInput(event: Event) {
    const control = event.target as HTMLInputElement
    const field = control.name as Field
    this.values = { ...this.values, [field]: control.value }
    // The message was about the value the visitor just changed.
    if (this.errors[field]) this.errors = { ...this.errors, [field]: undefined }
  }

  /** « lundi 24 novembre, 09:00 »: a slot as messages name it. */
  #when(slot: Slot): string {
    const lang = this.#language
    const zone = this.#zone
    return `${formatDay(dateIn(slot.start, zone), lang)}, ${formatTime(slot.start, lang, zone)}`
  }

  async #submit(event: SubmitEvent) {
    event.preventDefault()
    const slot = this.chosen
    if (this.state === 'submitting' || !slot) return
    const lang = this.#language
    const d = t(lang)
    const values = Object.fromEntries(
      FIELDS.map((field) => [field, this.values[field]?.trim() ?? '']),
    ) as Record<Field, string>
    const errors: Partial<Record<Field, string>> = {}
    if (!values.name) errors.name = d.required.name
    if (!values.email) errors.email = d.required.email
    else if (!EMAIL.test(values.email)) errors.email = d.badEmail
    this.errors = errors
    this.notice = null
    if (this.#invalid()) return

    const context = this.#context
    const body: BookingRequest = {
      advisorId: this.advisorId,
      start: slot.start,
      name: values.name,
      email: values.email,
      phone: values.phone || undefined,
      company: values.company || undefined,
      message: values.message || undefined,
      context: Object.keys(context).length ? context : undefined,
      lang,
    }
    // One key per booking attempt: the same request retried after a lost answer never books twice.
    const sent = JSON.stringify(body)
    if (sent !== this.#sent) {
      this.#sent = sent
      // randomUUID exists in secure contexts only (https, localhost); a partner page may be http.
      this.#key =
        crypto.randomUUID?.() ??
        Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
          byte.toString(16).padStart(2, '0'),
        ).join('')
    }
    const init = jsonPost(body)
    init.headers = { ...(init.headers as Record<string, string>), 'idempotency-key': this.#key }
    this.state = 'submitting'
    this.emit('ganapati-booking-submitted', { advisorId: body.advisorId, start: body.start })
    try {
      const booking = await this.#client.get<BookingConfirmation>(
        '/v1/bookings',
        {},
        'booking',
        init,
      )
      this.#sent = ''
      this.booking = booking
      this.chosen = null
      this.day = null
      this.asking = false
      this.state = 'confirmed'
      this.#focus = '#confirmation-title'
      const { id, advisorId, start, end } = booking
      this.emit('ganapati-booking-confirmed', { id, advisorId, start, end })
    } catch (error) {
      // Aborted: the element left the page mid-request; the same form sent again reuses the key.
      this.state = 'ready'
      if (!isAbort(error)) this.#fail(error, slot, d)
    }
  }

  /** Says why a booking failed, next to a field when the API names one; the form keeps its values. */
  #fail(error: unknown, slot: Slot, d: Dictionary) {
    // A booking calls no upstream: a 502-504 is the service failing, not a company search.
    const failure =
      error instanceof ApiError && error.kind !== 'upstream'
        ? error
        : new ApiError('server', error instanceof ApiError ? error.status : null)
    const { problem, status } = failure
    const slug = /\/problems\/([\w-]+)$/.exec(problem?.type ?? '')?.[1]
    if (slug === 'slot-taken' || slug === 'slot-unavailable') {
      // Someone else took it, or its notice passed: the list is refreshed without it.
      this.notice = {
        text: d[slug === 'slot-taken' ? 'taken' : 'unavailable'](this.#when(slot)),
        focus: true,
      }
      this.chosen = null
      this.#focus = '#notice'
      void this.#load()
    } else {
      const errors: Partial<Record<Field, string>> = {}
      for (const { pointer, detail } of problem?.errors ?? []) {
        const field = /^\/body\/(\w+)$/.exec(pointer)?.[1] as Field
        if (FIELDS.includes(field)) errors[field] = this.#language === 'fr' ? detail : d.invalid
      }
      this.errors = errors
      this.notice = this.#invalid()
        ? { text: d.fix }
        : {
            text:
              slug === 'idempotency-key-in-flight'
                ? d.inFlight
                : status === 413
                  ? d.tooLarge
                  : failure.kind === 'rate-limited'
                    ? d.tooMany
                    : `${this.#explain(failure, d)} ${d.kept}`,
          }
    }
    this.emit('ganapati-booking-failed', { reason: slug ?? failure.kind, status })
  }

  /**
   * A failed request in the visitor's words: the connection's, else the API's own French detail,
   * else ours (the shared messages of other kinds speak of searches).
   */
  #explain(failure: ApiError, d: Dictionary): string {
    const lang = this.#language
    if (['offline', 'network', 'timeout'].includes(failure.kind)) return failure.describe(lang)
    return (
      (lang === 'fr' && failure.problem?.detail) ||
      (failure.kind === 'invalid' ? d.invalid : new ApiError('server', null).describe(lang))
    )
  }

  /** Whether a field is flagged; focuses the first one flagged. */
  #invalid(): boolean {
    const field = FIELDS.find((name) => this.errors[name])
    if (field) this.#focus = `#${field}`
    return !!field
  }

  async #cancel() {
    const booking = this.booking
    const url = safeHttpUrl(booking?.cancelUrl)
    if (!booking || !url || this.state === 'submitting') return
    this.state = 'submitting'
    this.notice = null
    try {
      const target = new URL(url)
      // The API's own cancel link: the token is in its query.
      const view = await new ApiClient(target.origin).get<BookingView>(
        target.pathname + target.search,
        {},
        undefined,
        { method: 'POST' },
      )
      this.booking = { ...booking, status: view.status }
      this.state = 'cancelled'
      this.#focus = '#confirmation-title'
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError('server', null)
      this.notice = { text: this.#explain(failure, t(this.#language)) }
      this.state = 'confirmed'
      this.#focus = '[part~="cancel"]'
    }
    this.asking = false
  }

  #ask(asking: boolean) {
    this.asking = asking
    this.#focus = '[part~="cancel"]'
  }

  #again() {
    this.booking = null
    this.notice = null
    this.#focus = '#title'
    void this.#load()
  }

  #renderNotice(notice: Notice | null, error = true) {
    return notice
      ? html`<div
          id="notice"
          class="notice ${error ? 'notice--error' : ''}"
          part="message"
          role=${notice.focus ? nothing : 'alert'}
          tabindex="-1"
        >
          <p>${notice.text}</p>
        </div>`
      : nothing
  }

  /** A group of day or slot buttons: one tab stop (the chosen one), arrows inside. */
  #renderGroup<T>(
    id: string,
    label: string,
    items: T[],
    pressed: (item: T) => boolean,
    content: (item: T) => unknown,
    pick: (item: T) => void,
  ) {
    const tabStop = Math.max(items.findIndex(pressed), 0)
    return html`<h3 class="step" id="${id}-title" tabindex="-1">${label}</h3>
      <div
        class=${id}
        part=${id}
        role="group"
        aria-labelledby="${id}-title"
        @keydown=${this.#handleArrows}
      >
        ${items.map(
          (item, i) =>
            html`<button
              type="button"
              class="choice"
              part=${id.slice(0, -1)}
              aria-pressed=${pressed(item)}
              tabindex=${i === tabStop ? 0 : -1}
              @click=${() => pick(item)}
            >
              ${content(item)}
            </button>`,
        )}
      </div>`
  }

  #renderField(d: Dictionary, field: Field) {
    const error = this.errors[field]
    const [autocomplete, type, maxlength] = CONTROLS[field]
    const attributes = {
      described: error ? `${field}-error` : nothing,
      invalid: error ? 'true' : nothing,
    }
    const required = field === 'name' || field === 'email'
    return html`<div class="field ${field === 'message' ? 'field--wide' : ''}" part="field">
      <label class="label" part="label" for=${field}>${d.fields[field]}</label>
      ${
        field === 'message'
          ? html`<textarea
              id=${field}
              name=${field}
              class="input"
              part="input"
              rows="3"
              maxlength=${maxlength}
              aria-invalid=${attributes.invalid}
              aria-describedby=${attributes.described}
              .value=${this.values[field] ?? ''}
              @input=${this.#handleInput}
            ></textarea>`
          : html`<input
              id=${field}
              name=${field}
              class="input"
              part="input"
              type=${type}
              autocomplete=${autocomplete}
              maxlength=${maxlength}
              ?required=${required}
              aria-invalid=${attributes.invalid}
              aria-describedby=${attributes.described}
              .value=${this.values[field] ?? ''}
              @input=${this.#handleInput}
            />`
      }
      ${error ? html`<p class="error" part="error" id="${field}-error">${error}</p>` : nothing}
    </div>`
  }

  #renderSummary(d: Dictionary, company?: string | null) {
    const lines = contextLines(
      this.#context,
      this.#language,
      this.opcos?.get(this.#context.opcoId ?? '') ?? null,
      company,
    )
    return lines.length
      ? html`<div class="summary" part="summary">
          <p class="summary-title">${d.context}</p>
          <ul>
            ${lines.map((line) => html`<li>${line}</li>`)}
          </ul>
        </div>`
      : nothing
  }

  /** « lundi 24 novembre 2026, 03:00 – 03:30 », and the same in Paris when it reads differently. */
  #renderCall(d: Dictionary, slot: Slot) {
    const lang = this.#language
    const zone = this.#zone
    return html`<p class="call">${formatCall(slot, lang, zone)}</p>
      ${
        parisTime(slot.start, lang, zone)
          ? html`<p class="muted">${d.atParis(formatCall(slot, lang, PARIS))}</p>`
          : nothing
      }`
  }

  #renderForm(d: Dictionary, slot: Slot) {
    const submitting = this.state === 'submitting'
    return html`<form
      class="form"
      part="form"
      novalidate
      aria-labelledby="form-title"
      aria-busy=${submitting}
      @submit=${this.#submit}
    >
      <h3 class="step" id="form-title">${d.form}</h3>
      <div class="chosen">${this.#renderCall(d, slot)}</div>
      ${FIELDS.map((field) => this.#renderField(d, field))} ${this.#renderSummary(d)}
      ${this.#renderNotice(this.notice)}
      <button class="button" part="submit" aria-disabled=${submitting}>
        ${submitting ? d.submitting : d.submit}
      </button>
    </form>`
  }

  #renderPicker(d: Dictionary) {
    const lang = this.#language
    const zone = this.#zone
    const days = slotsByDay(this.slots, zone)
    const from = addDays(dateIn(new Date(), PARIS), this.period * PERIOD_DAYS)
    const slots = (this.day && days.get(this.day)) || []
    const minutes = this.slots[0]
      ? (Date.parse(this.slots[0].end) - Date.parse(this.slots[0].start)) / 60_000
      : 0
    const short = { weekday: 'long', day: 'numeric', month: 'short' } as const
    return html`${
        minutes ? html`<p>${d.intro(minutes, this.#advisorName ?? d.anAdvisor)}</p>` : nothing
      }
      <p class="muted">${d.zone(zone)}</p>
      ${this.chosen ? nothing : this.#renderNotice(this.notice)}
      ${
        days.size
          ? this.#renderGroup(
              'days',
              d.days,
              [...days.keys()],
              (day) => day === this.day,
              (day) =>
                html`<span class="choice-main">${formatDay(day, lang, short)}</span>
                  <span class="choice-aside">${d.count(days.get(day)!.length)}</span>`,
              (day) => this.#pickDay(day),
            )
          : html`<p class="notice" part="message" id="days-title" tabindex="-1">
              ${
                this.period
                  ? d.emptyLater(
                      formatDay(from, lang),
                      formatDay(addDays(from, PERIOD_DAYS - 1), lang),
                    )
                  : d.empty
              }
            </p>`
      }
      <div class="pager" part="pager">
        ${
          this.period
            ? html`<button
                class="button button--secondary"
                part="button"
                type="button"
                @click=${() => void this.#turn(-1)}
              >
                ${d.previous}
              </button>`
            : nothing
        }
        ${
          days.size || !this.period
            ? html`<button
                class="button button--secondary"
                part="button"
                type="button"
                @click=${() => void this.#turn(1)}
              >
                ${d.next}
              </button>`
            : nothing
        }
      </div>
      ${
        this.day
          ? this.#renderGroup(
              'slots',
              d.slots(formatDay(this.day, lang)),
              slots,
              (slot) => slot.start === this.chosen?.start,
              (slot) => {
                const paris = parisTime(slot.start, lang, zone)
                return html`<span class="choice-main">${formatTime(slot.start, lang, zone)}</span>
                  ${paris ? html`<span class="choice-aside">(${paris} ${d.paris})</span>` : nothing}`
              },
              (slot) => this.#pickSlot(slot),
            )
          : nothing
      }
      ${this.chosen ? this.#renderForm(d, this.chosen) : nothing}`
  }

  #renderConfirmation(d: Dictionary, booking: BookingConfirmation) {
    const cancelled = booking.status === 'cancelled'
    const calendar = safeHttpUrl(booking.icsUrl)
    const busy = this.state === 'submitting'
    return html`<section
      class="confirmation ${cancelled ? 'confirmation--cancelled' : ''}"
      part="confirmation"
      aria-labelledby="confirmation-title"
    >
      <h3 class="confirmation-title" id="confirmation-title" tabindex="-1">
        ${cancelled ? d.cancelled : d.confirmed}
      </h3>
      ${this.#renderCall(d, booking)}
      ${this.#advisorName ? html`<p>${d.withAdvisor(this.#advisorName)}</p>` : nothing}
      ${this.#renderNotice(this.notice)}
      ${
        cancelled
          ? html`<div class="actions">
              <button class="button" part="button" type="button" @click=${this.#again}>
                ${d.again}
              </button>
            </div>`
          : this.asking
            ? html`<p>${d.ask}</p>
                <div class="actions">
                  <button
                    class="button button--danger"
                    part="cancel"
                    type="button"
                    aria-disabled=${busy}
                    @click=${this.#cancel}
                  >
                    ${busy ? d.cancelling : d.yes}
                  </button>
                  <button
                    class="button button--secondary"
                    part="button"
                    type="button"
                    @click=${() => this.#ask(false)}
                  >
                    ${d.no}
                  </button>
                </div>`
            : html`<div class="actions">
                ${
                  calendar
                    ? html`<a class="button" part="calendar" href=${calendar} download
                        >${d.calendar}</a
                      >`
                    : nothing
                }
                <button
                  class="button button--secondary"
                  part="cancel"
                  type="button"
                  @click=${() => this.#ask(true)}
                >
                  ${d.cancel}
                </button>
              </div>`
      }
    </section>`
  }

  /** Link mode: the partner's scheduler, prefilled; an href that is not http(s) is explained, never linked. */
  #renderLink(d: Dictionary) {
    const href = safeHttpUrl(this.href)
    const provider = this.provider as Provider
    if (!PROVIDERS.includes(provider) || !href) {
      return html`<div class="notice notice--error" part="message" role="alert">
        <p>${href ? d.badProvider : d.badHref}</p>
      </div>`
    }
    const context = this.#context
    const opcoName = this.opcos?.get(context.opcoId ?? '') ?? null
    const link = providerLink(
      provider,
      href,
      { name: this.name, email: this.email, phone: this.phone },
      context,
      // The advisor reads French: the summary that travels is always in French.
      contextLines(context, 'fr', opcoName, this.company).join(' · '),
    )
    // HubSpot takes no free text: the summary would promise what does not travel.
    return html`${provider === 'hubspot' ? nothing : this.#renderSummary(d, this.company)}
      <a class="button" part="link" href=${link} target="_blank" rel="noopener"
        >${d.link}<span class="visually-hidden"> ${d.newTab}</span></a
      >`
  }

  override render() {
    const lang = this.#language
    const d = t(lang)
    if (this.#linkMode) {
      return html`<div class="base base--link" part="base" lang=${lang}>
        ${this.#renderLink(d)}
      </div>`
    }
    const { state, booking } = this
    const loading = state === 'loading'
    return html`<div class="base" part="base" lang=${lang}>
      <h2 class="title" part="title" id="title" tabindex="-1">${d.title}</h2>
      <div class="visually-hidden" role="status">
        ${loading ? d.loading : state === 'submitting' ? (booking ? d.cancelling : d.submitting) : ''}
      </div>
      <div class="body" aria-busy=${loading}>
        ${loading && !this.advisorId ? html`<p class="muted" part="message">${d.loading}</p>` : nothing}
        ${
          state === 'error'
            ? html`<div class="notice notice--error" part="message" role="alert">
                <p>${this.notice?.text}</p>
                <button
                  class="button button--secondary"
                  part="button"
                  type="button"
                  @click=${this.#retry}
                >
                  ${d.retry}
                </button>
              </div>`
            : booking
              ? this.#renderConfirmation(d, booking)
              : this.advisorId
                ? this.#renderPicker(d)
                : nothing
        }
      </div>
    </div>`
  }
}
