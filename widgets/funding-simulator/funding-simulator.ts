/** The funding simulator: what the OPCO pays, what the State gives and what the employer pays itself, each figure with its source. */
import { html, nothing, type PropertyValues } from 'lit'
import type { FundingRule, Scheme } from '../../api/contracts/funding-rules'
import type { SimulationResult } from '../../api/contracts/simulations'
import * as fr from '../i18n/fr'
import { ApiError, jsonPost } from '../shared/api-client'
import { ApiController } from '../shared/api-controller'
import { GanapatiElement } from '../shared/base-element'
import { sharedStyles } from '../shared/controls.styles'
import { fieldStyles } from '../shared/field.styles'
import { LocalizeController, type Lang } from '../shared/localize'
import { PageContextController } from '../shared/page-context'
import { styles } from './funding-simulator.styles'
import { restoreShared, shareKey, shareLink } from './share-link'
import { summary } from './simulation-chart'
import { formControl, onlyTag, type Control, type FormState } from './simulation-form'
import {
  ANNEX,
  FIELDS,
  PRESETS,
  SCHEMES,
  fieldOf,
  isText,
  readInputs,
  today,
  uses,
  type Values,
} from './simulation-input'
import { formatNumber, parseNumber } from '../shared/localize'
import { difference, resultColumn, type Column } from './simulation-result'

export type SimulatorState = 'idle' | 'loading' | 'ready' | 'error'

// The API answers a simulation in milliseconds: a short pause spares a request per keystroke.
const DEBOUNCE_MS = 150

type RuleList = { items: FundingRule[] }

/**
 * @tagname ganapati-funding-simulator
 * @summary Simulates the funding of a training: what the OPCO pays, the employer's « reste à
 * charge » and the State aid, each line with its source and date, for apprenticeship, contrat de
 * professionnalisation, Pro-A, the skills development plan or tutor training. Compares two schemes,
 * makes a shareable link and prints cleanly. Every field can be preset (then read-only) by a
 * trainer; a `ganapati-opco-found` event on the page fills the OPCO and the IDCC.
 *
 * @event ganapati-simulation-change - A new result is shown. `detail: { request, result }`: the body sent to POST /v1/simulations and its answer.
 *
 * @csspart base - The root wrapper.
 * @csspart form - The form of the inputs.
 * @csspart field - One field: its label, control and error.
 * @csspart label - A field's visible label.
 * @csspart input - Every text, date and select control, and the checkboxes.
 * @csspart error - The message under a field the API or the simulator refused.
 * @csspart hint - The help text under the form.
 * @csspart compare - The « Comparer avec… » select.
 * @csspart only - In compare mode, the scheme named under a field only that one asks.
 * @csspart difference - In compare mode, how much less the company pays with one scheme.
 * @csspart print-header - The title and the date of a printed simulation (print only).
 * @csspart result - A result column: one scheme's figures.
 * @csspart amounts - The three amounts and the total.
 * @csspart amount - One amount (also `amount-opco`, `amount-employer`, `amount-state`, `amount-total`).
 * @csspart chart - The SVG chart of who pays what.
 * @csspart lines - The list of the calculation's lines.
 * @csspart line - One line: label, amount, payer, source.
 * @csspart source - A line's source: link, date, rule id.
 * @csspart link - A source's or a warning's link to another site (new tab).
 * @csspart warnings - The warnings of a result.
 * @csspart message - Why there are no figures: fields to fill, an error.
 * @csspart button - Every button: retry, copy.
 * @csspart share - The shareable link and its copy button.
 * @csspart share-link - The read-only field with the link.
 * @csspart share-button - « Copier le lien ».
 *
 * @cssproperty --ganapati-color-primary - Buttons, links, focus border.
 * @cssproperty --ganapati-color-primary-hover - Hovered buttons and links.
 * @cssproperty --ganapati-color-on-primary - Text on primary.
 * @cssproperty --ganapati-color-text - Body text.
 * @cssproperty --ganapati-color-muted - Secondary text.
 * @cssproperty --ganapati-color-surface - Panel and input background.
 * @cssproperty --ganapati-color-surface-alt - Result and read-only field background.
 * @cssproperty --ganapati-color-border - Borders.
 * @cssproperty --ganapati-color-focus - Focus ring.
 * @cssproperty --ganapati-color-warning - Warnings; background `--ganapati-color-warning-bg`.
 * @cssproperty --ganapati-color-danger - Errors; background `--ganapati-color-danger-bg`.
 * @cssproperty --ganapati-color-opco - The OPCO's bar and swatch (default: primary).
 * @cssproperty --ganapati-color-employer - The employer's bar and swatch.
 * @cssproperty --ganapati-color-state - The State's bar and swatch.
 * @cssproperty --ganapati-radius - Corner radius of the panel and the result.
 * @cssproperty --ganapati-radius-small - Corner radius of controls.
 * @cssproperty --ganapati-font-family - Font stack.
 * @cssproperty --ganapati-font-size - Base font size.
 * @cssproperty --ganapati-spacing - Base spacing unit.
 * @cssproperty --ganapati-shadow - Panel shadow.
 * @cssproperty --ganapati-color-scheme - `light` or `dark`: native controls' palette (default: the theme's).
 */
export class GanapatiFundingSimulator extends GanapatiElement {
  static override styles = [sharedStyles, fieldStyles, styles]

  static override properties = {
    values: { state: true },
    selected: { state: true },
    columns: { state: true },
    errors: { state: true },
    opcos: { state: true },
    distancePercent: { state: true },
    branches: { state: true },
    copyNotice: { state: true },
    scheme: {},
    compare: {},
    date: {},
    opco: {},
    idcc: {},
    headcount: {},
    level: {},
    price: {},
    npec: {},
    hours: {},
    rate: {},
    state: { reflect: true },
  }

  /** What each field shows, as typed (presets and shared links formatted in the widget's language). */
  declare values: Values
  /** The scheme simulated; `scheme` presets it. */
  declare selected: Scheme
  /** The result columns: the scheme, then the one compared. */
  declare columns: Column[]
  /** Messages shown under the fields they are about. */
  declare errors: Values
  /** OPCO ids and short names once GET /v1/opcos answered. */
  declare opcos: [string, string][]
  /** Threshold of the NPEC distance-learning rule in force, to word its checkbox; null if unknown. */
  declare distancePercent?: number | null
  /** The OPCO's own branches for the plan at the date (GET /v1/funding-rules); empty when none. */
  declare branches: string[]
  /** What the copy button achieved. */
  declare copyNotice: string

  /** Preset scheme (read-only): apprentissage, contrat-pro, pro-a, plan or tutor-training. */
  declare scheme: string | null
  /** A second scheme computed side by side for the same training; the visitor may change it. */
  declare compare: string | null
  /** Preset start date of the contract or training, YYYY-MM-DD (read-only); today by default. */
  declare date: string | null
  /** Preset OPCO id, e.g. `atlas` (read-only). */
  declare opco: string | null
  /** Preset IDCC of the branch, e.g. `1486` (read-only). */
  declare idcc: string | null
  /** Preset company headcount (read-only). */
  declare headcount: string | null
  /** Preset certification level, 3 to 7 (read-only). */
  declare level: string | null
  /** Preset training price in euros, e.g. `8500` or `8500.50` (read-only). */
  declare price: string | null
  /** Preset NPEC in euros (read-only). */
  declare npec: string | null
  /** Preset training length in hours (read-only). */
  declare hours: string | null
  /** Preset hourly rate of the branch, euros per hour (read-only). */
  declare rate: string | null
  /** Read-only UI state, reflected for host-page styling: idle, loading, ready or error. */
  declare state: SimulatorState

  readonly #api = new ApiController(this)
  readonly #i18n = new LocalizeController(this, { ...fr.form, ...fr.simulator }, (en) => ({
    ...en.form,
    ...en.simulator,
  }))
  // A finder on the page found the company's OPCO: its OPCO and IDCC fill the fields not preset;
  // a search that found none empties them.
  readonly #context = new PageContextController(this, {
    'ganapati-opco-found': ({ opcoId, idcc }) => {
      // The previous company's OPCO and IDCC go whatever the search found. A trainer who preset
      // another OPCO simulates for that one: the branch found would contradict it.
      const taken = !!opcoId && (this.opco ?? opcoId) === opcoId
      const found = {
        opco: this.opco ?? (taken ? opcoId : undefined),
        idcc: this.idcc ?? (taken ? idcc : undefined),
      }
      const { values } = this
      // Nothing of the form changes (a preset OPCO and IDCC): no new simulation.
      if (found.opco === values.opco && found.idcc === values.idcc) return
      this.values = { ...values, ...found }
      // An answer in flight is for the previous company: it must not reach the page after this.
      this.#run++
      this.#schedule()
    },
  })
  #timer: ReturnType<typeof setTimeout> | undefined
  /** Counts simulations: an answer to an older one is dropped. */
  #run = 0
  /** The language the values are written in: numbers are rewritten when it changes. */
  #lang: Lang | null = null
  #rulesDate: string | null = null
  #branchesOf = ''
  #retry = () => {
    // The button goes with the error: keyboard focus must not fall to <body>.
    this.renderRoot.querySelector<HTMLElement>('select, input:not([readonly])')?.focus()
    void this.#simulate()
  }

  constructor() {
    super()
    this.values = { date: today() }
    this.selected = 'apprentissage'
    this.columns = []
    this.errors = {}
    this.opcos = []
    this.branches = []
    this.copyNotice = ''
    this.state = 'idle'
  }

  /** The scheme compared, unless none or the same. */
  get #compared(): Scheme | '' {
    const other = this.compare as Scheme
    return SCHEMES.includes(other) && other !== this.selected ? other : ''
  }

  #preset(field: Control): string | null {
    return this[field as 'scheme']
  }

  #handleInput(event: Event) {
    const control = event.target as HTMLInputElement
    const field = control.name
    if (field === 'scheme') this.selected = control.value as Scheme
    else if (field === 'compare') this.compare = control.value
    else {
      this.values = {
        ...this.values,
        [field]: control.type === 'checkbox' ? (control.checked ? '1' : '') : control.value,
      }
      // The message was about the value the visitor just changed.
      this.errors = { ...this.errors, [field]: undefined }
    }
    this.copyNotice = ''
    this.#schedule()
  }

  async #handleCopy() {
    const { t } = this.#i18n
    const field = this.renderRoot.querySelector<HTMLInputElement>('#share-link')!
    try {
      await navigator.clipboard.writeText(field.value)
      this.copyNotice = t.copied
    } catch {
      // No Clipboard API (http pages, older browsers) or no permission: the older command, then by hand.
      field.select()
      this.copyNotice = document.execCommand('copy') ? t.copied : t.copyByHand
    }
  }

  override connectedCallback() {
    super.connectedCallback()
    if (this.hasUpdated) this.#schedule()
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    clearTimeout(this.#timer)
    this.#run++
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    const { lang } = this.#i18n
    const values = { ...this.values }
    const was = this.#lang
    const relang = was !== null && was !== lang
    this.#lang = lang
    if (relang) {
      // What the visitor typed keeps its amount: « 8 500,5 » becomes "8,500.5", not 85005.
      for (const field of FIELDS) {
        const number = isText(field) ? NaN : parseNumber(values[field] ?? '', was)
        if (!Number.isNaN(number)) values[field] = formatNumber(number, lang)
      }
    }
    const presets = PRESETS.filter((field) => changed.has(field as 'scheme'))
    for (const field of presets) {
      const preset = this.#preset(field)
      if (preset == null) continue
      // Written by a trainer's page: euros with a dot or a comma for decimals, no grouping.
      const number = parseNumber(preset.replace(',', '.'), 'en')
      values[field] = isText(field) || Number.isNaN(number) ? preset : formatNumber(number, lang)
    }
    if (!this.hasUpdated) {
      // A link shared from this page, named by the element's id: the visitor's fields, never over
      // a preset.
      const shared = restoreShared(
        location.hash,
        lang,
        PRESETS.filter((field) => this.#preset(field) != null),
        shareKey(this.id),
      )
      Object.assign(values, shared.values)
      if (this.scheme == null && shared.scheme) this.selected = shared.scheme
      if (shared.compare != null) this.compare = shared.compare
      // The fragment names no element of the page, so the browser scrolls nowhere: the link was
      // for this simulator, which the visitor is brought to.
      if (shared.scheme) void this.updateComplete.then(() => this.scrollIntoView())
    }
    this.values = values
    if (changed.has('scheme') && SCHEMES.includes(this.scheme as Scheme)) {
      this.selected = this.scheme as Scheme
    }
    if (this.hasUpdated) {
      if (presets.length || relang) this.#schedule()
      return
    }
    // First render: the figures of presets or a shared link at once, in this same update.
    void this.#simulate()
    this.#api.opcos().then(
      (opcos) => (this.opcos = [...opcos.values()].map((opco) => [opco.id, opco.shortName])),
      () => {},
    )
  }

  #schedule() {
    clearTimeout(this.#timer)
    this.#timer = setTimeout(() => this.#simulate(), DEBOUNCE_MS)
  }

  /** Simulates the scheme and the one compared; the previous figures stay until the answer. */
  async #simulate(): Promise<void> {
    clearTimeout(this.#timer)
    const run = ++this.#run
    const { t, lang } = this.#i18n
    const schemes = [this.selected, this.#compared].filter(Boolean) as Scheme[]
    this.#loadRules(schemes)
    const inputs = schemes.map((scheme) => readInputs(scheme, this.values, lang))
    this.#api.cancel('simulation')
    this.#api.cancel('comparison')
    const invalid = inputs.flatMap((input) => input.invalid)
    if (invalid.length) {
      this.errors = Object.fromEntries(invalid.map((field) => [field, t.badNumber]))
      this.columns = []
      this.state = 'error'
      return
    }
    const missing = (input: (typeof inputs)[number]) =>
      t.missing(input.missing.map((field) => t.fields[field]))
    if (!inputs[0]!.request) {
      this.columns = schemes.map((scheme, i) => ({
        scheme,
        result: null,
        message: missing(inputs[i]!),
      }))
      this.state = 'idle'
      return
    }
    this.state = 'loading'
    const settled = await Promise.allSettled(
      inputs.map(({ request }, i) =>
        request
          ? this.#api.get<SimulationResult>(
              '/v1/simulations',
              {},
              i ? 'comparison' : 'simulation',
              jsonPost(request),
            )
          : Promise.reject(null),
      ),
    )
    if (run !== this.#run) return
    const errors: Values = {}
    this.columns = settled.map((outcome, i): Column => {
      const scheme = schemes[i]!
      if (outcome.status === 'fulfilled') return { scheme, result: outcome.value, message: null }
      const error = outcome.reason
      if (!(error instanceof ApiError)) {
        return { scheme, result: null, message: missing(inputs[i]!) }
      }
      if (error.kind !== 'invalid') {
        // Our API has no upstream here: a 502-504 is the service failing, not a company search.
        const failure =
          error.kind === 'upstream'
            ? new ApiError('server', error.status, error.problem, error.retryAfter)
            : error
        return { scheme, result: null, message: failure.describe(t, lang), retry: true }
      }
      // A 400 names its fields: the main column shows each message under its field, in the
      // API's words when they are the visitor's (French), else in ours.
      for (const { pointer, detail } of error.problem?.errors ?? []) {
        const field = fieldOf(pointer)
        if (!i && field && uses(scheme, field)) errors[field] = lang === 'fr' ? detail : t.invalid
      }
      return {
        scheme,
        result: null,
        message:
          !i && Object.keys(errors).length
            ? t.fix
            : (lang === 'fr' && error.problem?.detail) || t.invalid,
      }
    })
    this.errors = errors
    const result = this.columns[0]!.result
    this.state = result ? 'ready' : 'error'
    if (result) {
      await this.updateComplete
      this.emit('ganapati-simulation-change', {
        request: inputs[0]!.request!,
        result,
      })
    }
  }

  /**
   * Words the distance-learning checkbox with the threshold of the NPEC rule in force at the date,
   * and lists the branches the OPCO's plan scale is published for; both from the page's cache.
   */
  #loadRules(schemes: Scheme[]) {
    const date = this.values.date ?? ''
    const opcoId = this.values.opco
    const of = schemes.includes('plan') && opcoId ? `${opcoId} ${date}` : ''
    if (of !== this.#branchesOf) {
      // Another OPCO or date: the branch chosen was one of the previous list (a shared link's stays).
      if (this.#branchesOf) this.values = { ...this.values, branch: undefined }
      this.#branchesOf = of
      this.branches = []
      if (of) {
        this.#api.cached<RuleList>('/v1/funding-rules', { scheme: 'plan', opcoId, date }).then(
          ({ items }) => {
            if (this.#branchesOf === of) {
              this.branches = [...new Set(items.flatMap((item) => item.branch ?? []))]
            }
          },
          () => {},
        )
      }
    }
    if (!schemes.includes('apprentissage') || date === this.#rulesDate) return
    this.#rulesDate = date
    this.#api.cached<RuleList>('/v1/funding-rules', { scheme: 'apprentissage', date }).then(
      ({ items }) => {
        if (this.#rulesDate !== date) return
        const rule = items.find((item) => item.kind === 'npec-distance-reduction')
        this.distancePercent = rule?.params.minDistancePercent ?? null
      },
      () => {},
    )
  }

  override render() {
    const { t, lang } = this.#i18n
    const schemes = [this.selected, this.#compared].filter(Boolean) as Scheme[]
    const fields = FIELDS.filter(
      (field) =>
        schemes.some((scheme) => uses(scheme, field)) &&
        (field !== 'branch' || this.branches.length),
    )
    const form: FormState = {
      t,
      values: this.values,
      errors: this.errors,
      selected: this.selected,
      compared: this.#compared,
      opcos: this.opcos,
      branches: this.branches,
      distancePercent: this.distancePercent,
      preset: (control) => this.#preset(control),
      onInput: (event) => this.#handleInput(event),
    }
    const result = this.columns[0]?.result
    const loading = this.state === 'loading'
    const gap = difference(t, lang, this.columns)
    return html`<div class="base" part="base" lang=${lang}>
      <div class="print-header" part="print-header">
        <h2>${t.printTitle}</h2>
        <p>${t.made(new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format())}</p>
      </div>
      <form class="form" part="form" @submit=${(event: Event) => event.preventDefault()}>
        ${formControl(form, 'scheme')} ${formControl(form, 'compare')}
        ${fields.map((field) =>
          // The frais annexes, last of the apprenticeship's fields, grouped in one fieldset.
          field === 'meals'
            ? html`<fieldset class="form annex">
                <legend class="label">${t.annex}${onlyTag(form, field)}</legend>
                ${ANNEX.map((annex) => formControl(form, annex))}
              </fieldset>`
            : ANNEX.includes(field)
              ? nothing
              : formControl(form, field),
        )}
        <p class="hint muted" part="hint">${t.hint} ${this.#compared ? t.both : ''}</p>
      </form>
      <div class="visually-hidden" role="status">
        ${loading ? t.loading : result ? `${summary(t, result, lang)}. ${gap ?? ''}` : ''}
      </div>
      ${gap ? html`<p class="notice" part="difference">${gap}</p>` : nothing}
      <div class="results" aria-busy=${loading}>
        ${this.columns.map((column) => resultColumn(t, lang, column, this.#retry))}
      </div>
      ${
        result
          ? html`<div class="share" part="share">
              <label class="label" part="label" for="share-link">${t.link}</label>
              <div class="share-row">
                <input
                  id="share-link"
                  class="input"
                  part="input share-link"
                  readonly
                  .value=${shareLink(
                    this.selected,
                    this.#compared,
                    this.values,
                    lang,
                    location.href,
                    shareKey(this.id),
                  )}
                />
                <button
                  class="button"
                  part="button share-button"
                  type="button"
                  @click=${this.#handleCopy}
                >
                  ${t.copy}
                </button>
              </div>
              <p class="muted" role="status">${this.copyNotice}</p>
            </div>`
          : nothing
      }
    </div>`
  }
}
