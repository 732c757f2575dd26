/** The OPCO finder: from an IDCC, convention words, a SIRET/SIREN or a company name to the OPCO that funds training, why, and what to do next. */
import { html, nothing, type PropertyValues } from 'lit'
import type {
  CompanyAnswer,
  CompanySearchResult,
  CompanySummary,
} from '../../api/contracts/companies'
import type {
  Confidence,
  ConventionAnswer,
  ConventionSearchResult,
  ConventionSuggestion,
} from '../../api/contracts/conventions'
import type { Opco, OpcoList } from '../../api/contracts/opcos'
import {
  ApiClient,
  ApiError,
  apiBase,
  isAbort,
  safeHttpUrl,
  scriptOrigin,
  type ApiErrorKind,
} from '../shared/api-client'
import { GanapatiElement } from '../shared/base-element'
import { dictionaries, formatShare, toLang, type Lang } from '../shared/i18n'
import { fundingSteps } from './funding-steps'
import { styles } from './opco-finder.styles'

export type FinderState = 'idle' | 'loading' | 'ready' | 'empty' | 'error'

export const DEFAULT_BOOKING_URL =
  'https://meetings.hubspot.com/mehdi-abakri/rencontrer-mon-conseiller-en-formation'

// Our API answers suggestions in milliseconds; company search goes on to recherche-entreprises
// (7 requests/s per IP), so it waits for the visitor to pause.
const CONVENTION_DEBOUNCE_MS = 150
const COMPANY_DEBOUNCE_MS = 400
const MAX_CONVENTIONS = 8
const MAX_COMPANIES = 5
// The API rejects shorter company searches with a 400 (CompanySearchQuery in api/routes/companies.ts).
const MIN_COMPANY_QUERY = 3
// A company search answered 400 or 404 found nothing; any other failure means it is unavailable.
const NO_COMPANY: ApiErrorKind[] = ['invalid', 'not-found']

type Channel = 'conventions' | 'companies'

type Query =
  | { kind: 'empty' }
  | { kind: 'number' }
  /** `value` zero-padded for a lookup, `prefix` as typed for suggestions (`148` → 1486 and 0148). */
  | { kind: 'idcc'; value: string; prefix: string }
  | { kind: 'siret'; value: string }
  | { kind: 'siren'; value: string }
  | { kind: 'words'; value: string }

/** Reads what the visitor typed: spaces, dots and dashes are allowed inside numbers, « IDCC » before one. */
export function classifyQuery(raw: string): Query {
  const text = raw.trim().replace(/^idcc\s*:?\s*/i, '')
  const digits = text.replace(/[\s.\-]/g, '')
  if (!text) return { kind: 'empty' }
  if (!/^\d+$/.test(digits)) return { kind: 'words', value: text }
  if (digits.length <= 4) return { kind: 'idcc', value: digits.padStart(4, '0'), prefix: digits }
  if (digits.length === 9) return { kind: 'siren', value: digits }
  if (digits.length === 14) return { kind: 'siret', value: digits }
  return { kind: 'number' }
}

/** « 418 166 096 00069 »: SIRETs and SIRENs as printed on a Kbis. */
function groupDigits(id: string): string {
  return id.replace(/^(\d{3})(\d{3})(\d{3})/, '$1 $2 $3 ').trim()
}

/** « SIRET 418 166 096 00069 », or « SIREN 418 166 096 » for a company known without establishment. */
function companyId({ siren, siret }: { siren: string; siret: string | null }): string {
  return siret ? `SIRET ${groupDigits(siret)}` : `SIREN ${groupDigits(siren)}`
}

/**
 * OPCOs by id, per API base, for the alternatives and suggestions that only carry an id: one
 * request for every finder of the page. A failed load is forgotten, so the next need retries it.
 */
const opcoCatalogs = new Map<string, Promise<Map<string, Opco>>>()

function opcoCatalog(client: ApiClient): Promise<Map<string, Opco>> {
  let catalog = opcoCatalogs.get(client.base)
  if (!catalog) {
    catalog = client
      .get<OpcoList>('/v1/opcos')
      .then(({ items }) => new Map(items.map((opco) => [opco.id, opco])))
    catalog.catch(() => opcoCatalogs.delete(client.base))
    opcoCatalogs.set(client.base, catalog)
  }
  return catalog
}

const count = (n: number, one: string, many: string) => (n ? `${n} ${n > 1 ? many : one}` : '')

const t = dictionaries({
  fr: {
    label: 'Convention collective, IDCC, SIRET ou nom d’entreprise',
    placeholder: 'Ex. 1486, boulangerie, 418 166 096 00069',
    hint: 'Code IDCC (4 chiffres), mots du nom de la convention, SIRET ou nom de votre entreprise.',
    search: 'Rechercher',
    conventions: 'Conventions collectives',
    companies: 'Entreprises',
    loading: 'Recherche en cours…',
    found: (conventions: number, companies: number) =>
      `${[count(conventions, 'convention', 'conventions'), count(companies, 'entreprise', 'entreprises')].filter(Boolean).join(' et ')}. Flèches pour parcourir, Entrée pour choisir.`,
    companiesDown:
      'La recherche d’entreprises ne répond pas : seules les conventions sont proposées.',
    noConvention: (q: string) => `Aucune convention ne correspond à « ${q} ».`,
    noMatch: (q: string) => `Aucune convention ni entreprise ne correspond à « ${q} ».`,
    noCompany: (q: string) => `Aucune entreprise ne correspond à « ${q} ».`,
    emptyHint:
      'Le code IDCC (4 chiffres) figure sur le bulletin de paie, à côté de la convention collective. Vous pouvez aussi chercher votre entreprise par son SIRET (14 chiffres, sur vos factures ou votre extrait Kbis).',
    badNumber:
      'Ce numéro n’a pas la bonne longueur : un IDCC compte 1 à 4 chiffres, un SIREN 9 et un SIRET 14.',
    typeSomething: 'Saisissez d’abord un code IDCC, des mots, un SIRET ou un nom d’entreprise.',
    retry: 'Réessayer',
    convention: 'Convention collective',
    company: 'Entreprise',
    untitled: 'Intitulé non disponible',
    yourOpco: 'Votre OPCO',
    noOpco: 'Pas d’OPCO à indiquer',
    confidence: { high: 'Fiabilité élevée', medium: 'Fiabilité moyenne', low: 'Fiabilité faible' },
    alternatives: 'Autres OPCO déclarés :',
    criteria: (opco: string) => `Critères de financement de ${opco}`,
    perBranch: 'Les critères de prise en charge sont fixés par chaque branche professionnelle.',
    website: (opco: string) => `Site de ${opco}`,
    steps: 'Les étapes d’une demande de prise en charge',
    actors: { ganapati: 'Ganapati', company: 'Votre entreprise', trainer: 'Le formateur' },
    booking: 'Prendre rendez-vous avec un conseiller',
    newTab: '(nouvel onglet)',
    source: 'Source : table SIRET-OPCO de France compétences, édition',
    companyConventions: 'Conventions collectives déclarées',
    chosen: 'retenue',
    closed: 'Établissement fermé',
    result: (opco: string | undefined) => `Résultat : ${opco ?? 'pas d’OPCO à indiquer'}.`,
  },
  en: {
    label: 'Collective agreement, IDCC, SIRET or company name',
    placeholder: 'E.g. 1486, boulangerie, 418 166 096 00069',
    hint: 'IDCC code (4 digits), words of the collective agreement’s name, SIRET or your company’s name.',
    search: 'Search',
    conventions: 'Collective agreements',
    companies: 'Companies',
    loading: 'Searching…',
    found: (conventions: number, companies: number) =>
      `${[count(conventions, 'agreement', 'agreements'), count(companies, 'company', 'companies')].filter(Boolean).join(' and ')}. Arrows to browse, Enter to choose.`,
    companiesDown: 'The company search is not responding: only agreements are listed.',
    noConvention: (q: string) => `No collective agreement matches “${q}”.`,
    noMatch: (q: string) => `No collective agreement or company matches “${q}”.`,
    noCompany: (q: string) => `No company matches “${q}”.`,
    emptyHint:
      'The IDCC code (4 digits) is printed on payslips, next to the collective agreement. You can also search your company by its SIRET (14 digits, on your invoices or Kbis extract).',
    badNumber:
      'This number has the wrong length: an IDCC has 1 to 4 digits, a SIREN 9 and a SIRET 14.',
    typeSomething: 'First type an IDCC code, words, a SIRET or a company name.',
    retry: 'Try again',
    convention: 'Collective agreement',
    company: 'Company',
    untitled: 'Title not available',
    yourOpco: 'Your OPCO',
    noOpco: 'No OPCO to show',
    confidence: { high: 'High reliability', medium: 'Medium reliability', low: 'Low reliability' },
    alternatives: 'Other OPCOs declared:',
    criteria: (opco: string) => `${opco} funding criteria`,
    perBranch: 'Funding criteria are set by each professional branch.',
    website: (opco: string) => `${opco} website`,
    steps: 'Steps of a funding request',
    actors: { ganapati: 'Ganapati', company: 'Your company', trainer: 'The trainer' },
    booking: 'Book a call with an advisor',
    newTab: '(new tab)',
    source: 'Source: France compétences SIRET-OPCO table, edition',
    companyConventions: 'Declared collective agreements',
    chosen: 'chosen',
    closed: 'Closed establishment',
    result: (opco: string | undefined) => `Result: ${opco ?? 'no OPCO to show'}.`,
  },
})

type Dictionary = ReturnType<typeof t>

type Option = ConventionSuggestion | CompanySummary

/** The card's answer: a company's carries its SIRET, a convention's does not. */
type Result = ConventionAnswer | CompanyAnswer

interface Notice {
  /** `empty` adds where to find an IDCC or a SIRET. */
  tone: 'empty' | 'error' | 'info'
  text: string
  retry?: boolean
  /** The message is about the input's value: aria-invalid until the visitor edits it. */
  invalid?: boolean
}

/**
 * @tagname ganapati-opco-finder
 * @summary Finds the OPCO of a company from its IDCC, its convention's name, its SIRET/SIREN or
 * its name, with a confidence, the reason, the funding-request steps and a link to an advisor.
 *
 * @event ganapati-opco-found - A result with an OPCO is shown. `detail: { opcoId, idcc, siret, confidence }`; `siret` is null for a convention search, and for a company the directory knows without establishment.
 *
 * @csspart base - The root wrapper.
 * @csspart form - The search form.
 * @csspart label - The input's visible label.
 * @csspart input - The combobox text input.
 * @csspart button - Every button-like control: search, retry, booking link.
 * @csspart search-button - The « Rechercher » button.
 * @csspart hint - The help text under the input.
 * @csspart listbox - The suggestions popup.
 * @csspart group-label - « Conventions collectives » and « Entreprises » in the listbox.
 * @csspart option - One suggestion.
 * @csspart message - The empty, error and info messages.
 * @csspart card - The result card.
 * @csspart title - The convention title or the company name.
 * @csspart opco-name - The OPCO's name.
 * @csspart confidence - The reliability badge (« Fiabilité élevée / moyenne / faible »).
 * @csspart reason - Why this OPCO.
 * @csspart steps - The funding-request steps.
 * @csspart link - Every text link of the card (criteria, website).
 * @csspart booking-link - « Prendre rendez-vous avec un conseiller ».
 *
 * @cssproperty --ganapati-color-primary - Buttons, active option, links.
 * @cssproperty --ganapati-color-primary-hover - Hovered buttons and links.
 * @cssproperty --ganapati-color-on-primary - Text on primary.
 * @cssproperty --ganapati-color-text - Body text.
 * @cssproperty --ganapati-color-muted - Secondary text.
 * @cssproperty --ganapati-color-surface - Panel, card and input background.
 * @cssproperty --ganapati-color-surface-alt - Soft backgrounds: steps, hovered option.
 * @cssproperty --ganapati-color-border - Borders.
 * @cssproperty --ganapati-color-focus - Focus ring.
 * @cssproperty --ganapati-color-success - High reliability; background `--ganapati-color-success-bg`.
 * @cssproperty --ganapati-color-warning - Medium reliability; background `--ganapati-color-warning-bg`.
 * @cssproperty --ganapati-color-danger - Low reliability and errors; background `--ganapati-color-danger-bg`.
 * @cssproperty --ganapati-radius - Corner radius of the panel and the card.
 * @cssproperty --ganapati-radius-small - Corner radius of controls, options and badges.
 * @cssproperty --ganapati-font-family - Font stack.
 * @cssproperty --ganapati-font-size - Base font size.
 * @cssproperty --ganapati-spacing - Base spacing unit.
 * @cssproperty --ganapati-shadow - Panel and popup shadow.
 */
export class GanapatiOpcoFinder extends GanapatiElement {
  static override styles = styles

  // `static properties` rather than decorators: esbuild lowers TC39 decorators at es2022 into
  // helpers and per-field code, 1.8 KB gzip for this class alone. Fields are `declare`d and set in
  // the constructor because, with useDefineForClassFields, a class field would shadow Lit's accessor.
  static override properties = {
    text: { state: true },
    conventions: { state: true },
    companies: { state: true },
    open: { state: true },
    active: { state: true },
    result: { state: true },
    notice: { state: true },
    opcos: { state: true },
    api: {},
    locale: { attribute: 'lang' },
    value: {},
    bookingUrl: { attribute: 'booking-url' },
    state: { reflect: true },
  }

  get #input(): HTMLInputElement {
    return this.renderRoot.querySelector('input')!
  }

  /** What the input shows; `value` only seeds it. */
  declare text: string
  /** Convention suggestions of the listbox. */
  declare conventions: ConventionSuggestion[]
  /** Company suggestions of the listbox, after the conventions. */
  declare companies: CompanySummary[]
  /** Whether the listbox is shown. */
  declare open: boolean
  /** Index of the highlighted option across both groups, -1 for none. */
  declare active: number
  /** The card shown, if any. */
  declare result: Result | null
  /** The empty, error or info message shown, if any. */
  declare notice: Notice | null
  /** OPCOs by id once GET /v1/opcos answered, to name the ids of suggestions and alternatives. */
  declare opcos: Map<string, Opco> | null

  /**
   * Ganapati API: an http(s) origin, with a path prefix if the API is served under one
   * (`https://x.example/ganapati`); by default, and for anything else, the script's origin.
   */
  declare api: string
  /** Interface language (`lang` attribute): `fr` (default) or `en`. */
  declare locale: string | null
  /** Initial query, looked up as soon as the element connects. */
  declare value: string
  /** Advisor booking page (`booking-url`); anything but an http(s) URL falls back to the default. */
  declare bookingUrl: string
  /** Read-only UI state, reflected for host-page styling: idle, loading, ready, empty or error. */
  declare state: FinderState

  // #private rather than TS-private: esbuild shortens #names, it must keep property names.
  #apiClient: ApiClient | null = null
  #timers: ReturnType<typeof setTimeout>[] = []
  /** Suggestion channels scheduled or in flight: the listbox settles when none is left. */
  #pending = new Set<Channel>()
  /** A conventions-search failure, kept until the listbox settles to tell empty from error. */
  #failure: unknown = null
  #retry: (() => unknown) | null = null
  /** The company search failed for this round's words: only conventions are suggested. */
  #companiesDown = false

  constructor() {
    super()
    this.text = ''
    this.conventions = []
    this.companies = []
    this.open = false
    this.active = -1
    this.result = null
    this.notice = null
    this.opcos = null
    this.api = scriptOrigin
    this.locale = null
    this.value = ''
    this.bookingUrl = DEFAULT_BOOKING_URL
    this.state = 'idle'
  }

  get #language(): Lang {
    return toLang(this.locale)
  }

  get #client(): ApiClient {
    const base = apiBase(this.api)
    if (this.#apiClient?.base !== base) this.#apiClient = new ApiClient(base)
    return this.#apiClient
  }

  /** Short name of an OPCO known by its id only; the id itself until GET /v1/opcos answers. */
  #opcoName(id: string): string {
    return this.opcos?.get(id)?.shortName ?? id
  }

  /** Names the OPCO ids once GET /v1/opcos answers; until then, or if it fails, ids are shown. */
  #loadOpcos() {
    if (this.opcos) return
    opcoCatalog(this.#client).then(
      (opcos) => (this.opcos = opcos),
      () => {},
    )
  }

  get #options(): Option[] {
    return [...this.conventions, ...this.companies]
  }

  #handleInput() {
    this.text = this.#input.value
    this.#suggest()
  }

  #handleKeydown(event: KeyboardEvent) {
    const total = this.#options.length
    const { key } = event
    if (key === 'ArrowDown' || key === 'ArrowUp') {
      event.preventDefault()
      if (!total) return
      this.open = true
      this.active =
        key === 'ArrowDown'
          ? (this.active + 1) % total
          : (Math.max(this.active, 0) - 1 + total) % total
    } else if (key === 'Enter' && this.open && this.active >= 0) {
      event.preventDefault()
      this.#pick(this.active)
    } else if (key === 'Escape' && (this.open || this.text)) {
      // ARIA APG combobox: Escape closes the listbox, a second Escape clears the field.
      event.preventDefault()
      if (this.open) this.open = false
      else this.clear()
    }
  }

  #handleSubmit(event: SubmitEvent) {
    event.preventDefault()
    void this.search()
  }

  #handleFocus() {
    this.open = this.#options.length > 0 && !this.#pending.size
  }

  #handleBlur() {
    this.open = false
  }

  #handleRetry() {
    // The button goes away while the lookup runs: keyboard focus must not fall to <body>.
    this.#input.focus()
    this.#retry?.()
  }

  #handleOptionClick(index: number) {
    this.#pick(index)
    this.#input.focus()
  }

  override connectedCallback() {
    super.connectedCallback()
    // disconnectedCallback cancelled the lookup in flight: moving the element in the DOM redoes it.
    if (this.hasUpdated && this.state === 'loading') this.#retry?.()
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    this.#cancel()
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    // `value` is the initial query: typing does not write back to it, setting it runs a lookup.
    if (changed.has('value') && this.value) void this.search(this.value)
    if (changed.has('open') && !this.open) this.active = -1
  }

  protected override updated(changed: PropertyValues<this>) {
    if (changed.has('active')) {
      this.renderRoot.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' })
    }
  }

  /**
   * Looks a query up as Enter does: an IDCC or a SIRET/SIREN shows its card at once; words show
   * their single match, or open the suggestions when several match.
   */
  async search(raw: string = this.text): Promise<void> {
    const q = classifyQuery(raw)
    const d = t(this.#language)
    this.text = raw
    this.#cancel()
    if (q.kind === 'empty') return this.#show(null, { tone: 'info', text: d.typeSomething }, 'idle')
    if (q.kind === 'number') {
      return this.#show(null, { tone: 'error', text: d.badNumber, invalid: true }, 'error')
    }
    if (q.kind === 'idcc') return this.#lookUpConvention(q.value)
    if (q.kind !== 'words') return this.#lookUpCompany(q.value, groupDigits(q.value))
    const companies = q.value.length >= MIN_COMPANY_QUERY
    if (!companies) this.companies = []
    this.state = 'loading'
    const done = await Promise.all([
      this.#fetch('conventions', q.value),
      !companies || this.#fetch('companies', q.value),
    ])
    if (!done.every(Boolean)) return
    if (this.#options.length === 1) return this.#pick(0)
    this.#settle()
  }

  /** Empties the field and the result, back to idle. */
  clear(): void {
    this.text = ''
    this.#cancel()
    this.conventions = this.companies = []
    this.open = false
    this.#show(null, null, 'idle')
  }

  #show(result: Result | null, notice: Notice | null, next: FinderState) {
    this.result = result
    this.notice = notice
    this.state = next
  }

  /** Suggestions as the visitor types: conventions for an IDCC prefix or words, companies for words. */
  #suggest() {
    const q = classifyQuery(this.text)
    this.#cancel()
    this.active = -1
    // The value a message called invalid is gone.
    if (this.notice?.invalid) this.notice = null
    const words = q.kind === 'words' ? q.value : ''
    if (q.kind === 'idcc') this.#schedule('conventions', CONVENTION_DEBOUNCE_MS, q.prefix)
    if (words.length > 1) this.#schedule('conventions', CONVENTION_DEBOUNCE_MS, words)
    if (words.length >= MIN_COMPANY_QUERY) this.#schedule('companies', COMPANY_DEBOUNCE_MS, words)
    else this.companies = []
    if (this.#pending.size) {
      this.state = 'loading'
    } else {
      this.conventions = []
      this.open = false
      this.notice = null
      this.state = this.result ? 'ready' : 'idle'
    }
  }

  #schedule(channel: Channel, delay: number, q: string) {
    this.#pending.add(channel)
    this.#timers.push(
      setTimeout(async () => {
        if (await this.#fetch(channel, q)) this.#settle()
      }, delay),
    )
  }

  /**
   * Starts afresh: drops the suggestions scheduled or in flight, what the last round learnt, and
   * the lookup in flight, whose answer would be for a query the visitor has abandoned.
   */
  #cancel() {
    for (const timer of this.#timers) clearTimeout(timer)
    this.#timers = []
    this.#pending.clear()
    this.#failure = null
    this.#companiesDown = false
    this.#apiClient?.cancel()
  }

  /** Fetches one suggestion channel; false when a newer keystroke superseded it. */
  async #fetch(channel: Channel, q: string): Promise<boolean> {
    this.#pending.add(channel)
    try {
      if (channel === 'conventions') {
        this.#loadOpcos()
        const body = await this.#client.get<ConventionSearchResult>(
          '/v1/conventions',
          { q, limit: MAX_CONVENTIONS },
          channel,
        )
        this.conventions = body.items.slice(0, MAX_CONVENTIONS)
      } else {
        const body = await this.#client.get<CompanySearchResult>('/v1/companies', { q }, channel)
        this.companies = body.items.slice(0, MAX_COMPANIES)
      }
    } catch (error) {
      if (isAbort(error)) return false
      this[channel] = []
      // Conventions still answer when recherche-entreprises is down: say so, do not fail. Any
      // other company-search error (a 400 for words the API refuses) is just no company.
      if (channel === 'conventions') this.#failure = error
      else if (!(error instanceof ApiError && NO_COMPANY.includes(error.kind))) {
        this.#companiesDown = true
      }
    }
    this.#pending.delete(channel)
    return true
  }

  /** Opens the listbox once every scheduled suggestion channel has answered. */
  #settle() {
    if (this.#pending.size) return
    const d = t(this.#language)
    const failure = this.#failure
    const text = this.text.trim()
    this.#failure = null
    this.#retry = () => this.search(text)
    this.open = this.#options.length > 0
    if (this.open) {
      this.#show(
        null,
        this.#companiesDown ? { tone: 'info', text: d.companiesDown } : null,
        'ready',
      )
    } else if (failure || this.#companiesDown) {
      this.#fail(failure ?? new ApiError('upstream', 502))
    } else {
      const q = classifyQuery(text)
      const both = q.kind === 'words' && q.value.length >= MIN_COMPANY_QUERY
      this.#show(null, { tone: 'empty', text: d[both ? 'noMatch' : 'noConvention'](text) }, 'empty')
    }
  }

  #pick(index: number) {
    const option = this.#options[index]
    if (!option) return
    if ('siret' in option) {
      this.text = option.name
      // The directory may know a company without any establishment: look it up by its SIREN.
      void this.#lookUpCompany(option.siret ?? option.siren, option.name)
    } else {
      this.text = option.idcc
      void this.#lookUpConvention(option.idcc)
    }
  }

  async #lookUp(path: string, retry: () => unknown, missing: string) {
    this.#retry = retry
    this.#cancel()
    this.conventions = this.companies = []
    this.open = false
    this.#show(null, null, 'loading')
    this.#loadOpcos()
    let result: Result
    try {
      // The API words its `reason` in the widget's language.
      result = await this.#client.get<Result>(path, { lang: this.#language }, 'result')
    } catch (error) {
      if (isAbort(error)) return
      if (error instanceof ApiError && error.kind === 'not-found') {
        return this.#show(null, { tone: 'empty', text: missing }, 'empty')
      }
      return this.#fail(error)
    }
    // A company's answer names the convention its OPCO comes from, or null when none decides it.
    const { opco, idcc, confidence } = result
    const siret = 'siret' in result ? result.siret : null
    this.#show(result, null, 'ready')
    await this.updateComplete
    if (opco && idcc) this.emit('ganapati-opco-found', { opcoId: opco.id, idcc, siret, confidence })
  }

  #lookUpConvention(idcc: string): Promise<void> {
    return this.#lookUp(
      `/v1/conventions/${idcc}`,
      () => this.#lookUpConvention(idcc),
      t(this.#language).noConvention(idcc),
    )
  }

  #lookUpCompany(id: string, label: string): Promise<void> {
    return this.#lookUp(
      `/v1/companies/${id}`,
      () => this.#lookUpCompany(id, label),
      t(this.#language).noCompany(label),
    )
  }

  #fail(error: unknown) {
    const problem = error instanceof ApiError ? error : new ApiError('server', null)
    const text = problem.describe(this.#language)
    const invalid = problem.kind === 'invalid'
    this.#show(null, { tone: 'error', text, retry: !invalid, invalid }, 'error')
  }

  #renderOption(option: Option, index: number) {
    const company = 'siret' in option
    return html`<div
      id="option-${index}"
      class="option"
      part="option"
      role="option"
      aria-selected=${index === this.active}
      @click=${() => this.#handleOptionClick(index)}
    >
      <span class="code">${company ? groupDigits(option.siren) : option.idcc}</span>
      <span>${company ? option.name : (option.title ?? t(this.#language).untitled)}</span>
      <span class="meta"
        >${
          company
            ? `${option.postcode ?? ''} ${option.city ?? ''}`
            : option.opcoId && this.#opcoName(option.opcoId)
        }</span
      >
    </div>`
  }

  #renderGroup(id: Channel, label: string, from: number, items: Option[]) {
    return items.length
      ? html`<div role="group" aria-labelledby="group-${id}">
          <div class="group-label" part="group-label" role="presentation" id="group-${id}">
            ${label}
          </div>
          ${items.map((item, i) => this.#renderOption(item, from + i))}
        </div>`
      : nothing
  }

  #renderNotice(notice: Notice, d: Dictionary) {
    return html`<div id="message" class="notice notice--${notice.tone}" part="message">
      <p class="notice-text">${notice.text}</p>
      ${notice.tone === 'empty' ? html`<p class="muted">${d.emptyHint}</p>` : nothing}
      ${
        notice.retry
          ? html`<button
              class="button button--secondary"
              part="button"
              type="button"
              @click=${this.#handleRetry}
            >
              ${d.retry}
            </button>`
          : nothing
      }
    </div>`
  }

  #renderLink(href: string | null, label: string, part = 'link', className = 'link') {
    const safe = safeHttpUrl(href)
    // noreferrer implies noopener (HTML § link types): the opened page gets no window.opener.
    return safe
      ? html`<a class=${className} part=${part} href=${safe} target="_blank" rel="noreferrer"
          >${label}<span class="visually-hidden"> ${t(this.#language).newTab}</span></a
        >`
      : nothing
  }

  #renderOpco(
    d: Dictionary,
    {
      opco,
      confidence,
      reason,
    }: { opco: Opco | null; confidence: Confidence | null; reason: string },
    alternatives: ConventionAnswer['alternatives'] = [],
  ) {
    const short = opco?.shortName ?? d.noOpco
    const criteria = safeHttpUrl(opco?.fundingCriteriaUrl)
    return html`<section class="opco" aria-labelledby="opco-heading">
      <h3 class="section-label" id="opco-heading">${d.yourOpco}</h3>
      <div class="opco-head">
        <p class="opco-name" part="opco-name">${short}</p>
        ${
          confidence
            ? html`<p class="confidence confidence--${confidence}" part="confidence">
                ${d.confidence[confidence]}
              </p>`
            : nothing
        }
      </div>
      ${opco && opco.name !== short ? html`<p class="muted">${opco.name}</p>` : nothing}
      <p part="reason">${reason}</p>
      ${
        alternatives.length
          ? html`<p class="muted">
              ${d.alternatives}
              ${alternatives
                .map((a) => `${this.#opcoName(a.opcoId)} (${formatShare(a.share, this.#language)})`)
                .join(', ')}
            </p>`
          : nothing
      }
      ${
        opco
          ? html`<p class="muted">${opco.sectors}</p>
              <p>
                ${
                  criteria
                    ? this.#renderLink(criteria, d.criteria(short))
                    : html`${d.perBranch} ${this.#renderLink(opco.website, d.website(short))}`
                }
              </p>`
          : nothing
      }
    </section>`
  }

  #renderSteps(d: Dictionary, opco: Opco | null) {
    // A condition the OPCO's flyer states (L’Opcommerce: only justified actions are funded).
    const note = opco?.fundingRequest?.note?.[this.#language]
    return opco
      ? html`<section class="steps" aria-labelledby="steps-heading">
          <h3 class="section-label" id="steps-heading">${d.steps}</h3>
          <ol class="step-list" part="steps">
            ${fundingSteps(opco, this.#language).map(
              (step) =>
                html`<li class="step">
                  <span class="actor actor--${step.actor}">${d.actors[step.actor]}</span>
                  <span>${step.text}</span>
                </li>`,
            )}
          </ol>
          ${note ? html`<p class="muted">${note}</p>` : nothing}
        </section>`
      : nothing
  }

  #renderCard(d: Dictionary, result: Result) {
    const company = 'siret' in result ? result : null
    const convention = 'siret' in result ? null : result
    const chosen = company?.idcc
    return html`<article class="card" part="card" aria-labelledby="card-title">
      <header class="card-header">
        <p class="section-label">
          ${company ? `${d.company} · ${companyId(company)}` : `${d.convention} · IDCC`}
          ${convention ? html`<span class="code">${convention.idcc}</span>` : nothing}
        </p>
        <h2 class="card-title" part="title" id="card-title">
          ${company?.name ?? convention?.title ?? d.untitled}
        </h2>
        ${company?.address ? html`<p class="muted">${company.address}</p>` : nothing}
        ${
          company && !company.active
            ? html`<p class="confidence confidence--low">${d.closed}</p>`
            : nothing
        }
      </header>
      ${
        company
          ? html`<section aria-labelledby="conventions-heading">
              <h3 class="section-label" id="conventions-heading">${d.companyConventions}</h3>
              <ul class="convention-list">
                ${company.conventions.map(
                  (c) =>
                    html`<li class="convention ${c.idcc === chosen ? 'convention--chosen' : ''}">
                      <span class="code">${c.idcc}</span>
                      <span>${c.title ?? d.untitled}</span>
                      <strong>${c.opco?.shortName ?? d.noOpco}</strong>
                      ${c.idcc === chosen ? html`<span class="chosen">${d.chosen}</span>` : nothing}
                    </li>`,
                )}
              </ul>
            </section>`
          : nothing
      }
      ${this.#renderOpco(d, result, convention?.alternatives)} ${this.#renderSteps(d, result.opco)}
      <footer class="card-footer">
        ${this.#renderLink(
          safeHttpUrl(this.bookingUrl) ?? DEFAULT_BOOKING_URL,
          d.booking,
          'button booking-link',
          'button',
        )}
        ${convention ? html`<p class="muted">${d.source} ${convention.source.edition}</p>` : nothing}
      </footer>
    </article>`
  }

  /** What the live region says: derived from the state, so it never lags behind the screen. */
  #announcement(d: Dictionary, lookingUp: boolean): string {
    if (lookingUp) return d.loading
    if (this.open) return d.found(this.conventions.length, this.companies.length)
    if (this.result) return d.result(this.result.opco?.name)
    return this.notice?.text ?? ''
  }

  override render() {
    const d = t(this.#language)
    const loading = this.state === 'loading'
    // Suggestions load silently while typing; only a lookup shows (and says) it is searching.
    const lookingUp = loading && !this.#pending.size
    return html`<div class="base" part="base" lang=${this.#language}>
      <form part="form" role="search" @submit=${this.#handleSubmit}>
        <label class="label" part="label" for="input">${d.label}</label>
        <div class="field">
          <div class="combo">
            <input
              id="input"
              class="input"
              part="input"
              role="combobox"
              autocomplete="off"
              spellcheck="false"
              enterkeyhint="search"
              aria-autocomplete="list"
              aria-expanded=${this.open}
              aria-controls="listbox"
              aria-activedescendant=${this.open && this.active >= 0 ? `option-${this.active}` : nothing}
              aria-invalid=${this.notice?.invalid ? 'true' : nothing}
              aria-describedby=${this.notice?.tone === 'error' ? 'hint message' : 'hint'}
              placeholder=${d.placeholder}
              .value=${this.text}
              @input=${this.#handleInput}
              @keydown=${this.#handleKeydown}
              @focus=${this.#handleFocus}
              @blur=${this.#handleBlur}
            />
            <div class="popup" ?hidden=${!this.open} @mousedown=${(e: Event) => e.preventDefault()}>
              <div id="listbox" part="listbox" role="listbox" aria-label=${d.label}>
                ${this.#renderGroup('conventions', d.conventions, 0, this.conventions)}
                ${this.#renderGroup('companies', d.companies, this.conventions.length, this.companies)}
              </div>
            </div>
          </div>
          <button class="button" part="button search-button">${d.search}</button>
        </div>
        <p class="muted hint" part="hint" id="hint">${d.hint}</p>
      </form>
      <div class="visually-hidden" role="status">${this.#announcement(d, lookingUp)}</div>
      <div class="outcome" aria-busy=${loading}>
        ${
          lookingUp
            ? html`<p class="loading"><span class="spinner"></span>${d.loading}</p>`
            : nothing
        }
        ${this.notice ? this.#renderNotice(this.notice, d) : nothing}
        ${this.result ? this.#renderCard(d, this.result) : nothing}
      </div>
    </div>`
  }
}
