/** The OPCO finder: from an IDCC, convention words, a SIRET/SIREN or a company name to the OPCO that funds training, why, and what to do next. */
import { html, nothing, type PropertyValues } from 'lit'
import type { CompanySummary } from '../../api/contracts/companies'
import type { ConventionSuggestion } from '../../api/contracts/conventions'
import type { Opco } from '../../api/contracts/opcos'
import * as fr from '../i18n/fr'
import { ApiError, isAbort } from '../shared/api-client'
import { ApiController } from '../shared/api-controller'
import { GanapatiElement } from '../shared/base-element'
import { sharedStyles } from '../shared/controls.styles'
import { LocalizeController } from '../shared/localize'
import { styles } from './opco-finder.styles'
import { classifyQuery, groupDigits, searchesCompanies } from './query'
import { DEFAULT_BOOKING_URL, opcoName, resultCard, type Result } from './result-card'
import { SuggestionController, type Channel } from './suggestions'

export { DEFAULT_BOOKING_URL }

export type FinderState = 'idle' | 'loading' | 'ready' | 'empty' | 'error'

type Option = ConventionSuggestion | CompanySummary

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
 * @event ganapati-opco-found - A result with an OPCO is shown. `detail: { opcoId, idcc, siret, company, confidence }`; `siret` is null for a convention search, and for a company the directory knows without establishment; `company`, the company's name, is null for a convention search.
 * @event ganapati-opco-cleared - The result a `ganapati-opco-found` announced goes: a new search, which may end without an OPCO (none decides, nothing found, a failure). `detail: null`.
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
 * @cssproperty --ganapati-color-scheme - `light` or `dark`: native controls' palette (default: the theme's).
 */
export class GanapatiOpcoFinder extends GanapatiElement {
  static override styles = [sharedStyles, styles]

  static override properties = {
    text: { state: true },
    conventions: { state: true },
    companies: { state: true },
    open: { state: true },
    active: { state: true },
    result: { state: true },
    notice: { state: true },
    opcos: { state: true },
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
  declare result?: Result | null
  /** The empty, error or info message shown, if any. */
  declare notice?: Notice | null
  /** OPCOs by id once GET /v1/opcos answered, to name the ids of suggestions and alternatives. */
  declare opcos?: Map<string, Opco> | null

  /** Initial query, looked up as soon as the element connects. */
  declare value?: string
  /** Advisor booking page (`booking-url`); anything but an http(s) URL falls back to the default. */
  declare bookingUrl: string
  /** Read-only UI state, reflected for host-page styling: idle, loading, ready, empty or error. */
  declare state: FinderState

  // #private rather than TS-private: esbuild shortens #names, it must keep property names.
  readonly #api = new ApiController(this)
  readonly #i18n = new LocalizeController(this, fr.finder, (en) => en.finder)
  readonly #suggestions = new SuggestionController(this, this.#api, () => this.#settle())
  #retry: (() => unknown) | null = null

  constructor() {
    super()
    this.text = ''
    this.conventions = []
    this.companies = []
    this.open = false
    this.active = -1
    this.state = 'idle'
  }

  /** Names the OPCO ids once GET /v1/opcos answers; until then, or if it fails, ids are shown. */
  #loadOpcos() {
    if (this.opcos) return
    this.#api.opcos().then(
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
    this.open = this.#options.length > 0 && !this.#suggestions.busy
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
    // Leaving the page cancelled the lookup in flight: moving the element in the DOM redoes it.
    if (this.hasUpdated && this.state === 'loading') this.#retry?.()
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
    const { t } = this.#i18n
    this.text = raw
    this.#cancel()
    if (q.kind === 'empty') return this.#show(null, { tone: 'info', text: t.typeSomething }, 'idle')
    if (q.kind === 'number') {
      return this.#show(null, { tone: 'error', text: t.badNumber, invalid: true }, 'error')
    }
    if (q.kind === 'idcc')
      return this.#lookUp(`/v1/conventions/${q.value}`, t.noConvention(q.value))
    if (q.kind !== 'words') {
      return this.#lookUp(`/v1/companies/${q.value}`, t.noCompany(groupDigits(q.value)))
    }
    this.state = 'loading'
    this.#loadOpcos()
    if (!(await this.#suggestions.search(q.value))) return
    if (this.#options.length === 1) return this.#pick(0)
    this.#settle()
  }

  /** Empties the field and the result, back to idle. */
  clear(): void {
    this.text = ''
    this.#reset('idle')
  }

  /** Drops the lookups in flight, the suggestions, the message and the card. */
  #reset(next: FinderState) {
    this.#cancel()
    this.conventions = this.companies = []
    this.open = false
    this.#show(null, null, next)
  }

  #show(result: Result | null, notice: Notice | null, next: FinderState) {
    // The card goes (a new search, none found, a failure): what it told the page goes with it.
    if (this.result && !result) this.emit('ganapati-opco-cleared', null)
    this.result = result
    this.notice = notice
    this.state = next
  }

  /** Suggestions as the visitor types; the previous card stays until something replaces it. */
  #suggest() {
    this.#cancel()
    this.active = -1
    // The value a message called invalid is gone.
    if (this.notice?.invalid) this.notice = null
    if (this.#suggestions.suggest(classifyQuery(this.text))) {
      this.#loadOpcos()
      this.state = 'loading'
    } else {
      this.open = false
      this.notice = null
      this.state = this.result ? 'ready' : 'idle'
    }
  }

  /**
   * Starts afresh: drops the suggestions scheduled or in flight, what the last round learnt, and
   * the lookup in flight, whose answer would be for a query the visitor has abandoned.
   */
  #cancel() {
    this.#suggestions.cancel()
    this.#api.cancel()
  }

  /** Opens the listbox once a round of suggestions has every answer, or says why there is nothing. */
  #settle() {
    const { t } = this.#i18n
    const suggestions = this.#suggestions
    const failure = suggestions.takeFailure()
    const text = this.text.trim()
    this.#retry = () => this.search(text)
    this.open = this.#options.length > 0
    if (this.open) {
      const info = suggestions.companiesDown
        ? { tone: 'info' as const, text: t.companiesDown }
        : null
      this.#show(null, info, 'ready')
    } else if (failure || suggestions.companiesDown) {
      this.#fail(failure ?? new ApiError('upstream', 502))
    } else {
      const both = searchesCompanies(classifyQuery(text))
      this.#show(null, { tone: 'empty', text: t[both ? 'noMatch' : 'noConvention'](text) }, 'empty')
    }
  }

  #pick(index: number) {
    const option = this.#options[index]
    if (!option) return
    const { t } = this.#i18n
    if ('siret' in option) {
      this.text = option.name
      // The directory may know a company without any establishment: look it up by its SIREN.
      void this.#lookUp(`/v1/companies/${option.siret ?? option.siren}`, t.noCompany(option.name))
    } else {
      this.text = option.idcc
      void this.#lookUp(`/v1/conventions/${option.idcc}`, t.noConvention(option.idcc))
    }
  }

  /** Looks a convention or a company up; `missing` is what to say when there is none. */
  async #lookUp(path: string, missing: string) {
    this.#retry = () => this.#lookUp(path, missing)
    this.#reset('loading')
    this.#loadOpcos()
    let result: Result
    try {
      // The API words its `reason` in the widget's language.
      result = await this.#api.get<Result>(path, { lang: this.#i18n.lang }, 'result')
    } catch (error) {
      if (isAbort(error)) return
      if (error instanceof ApiError && error.kind === 'not-found') {
        return this.#show(null, { tone: 'empty', text: missing }, 'empty')
      }
      return this.#fail(error)
    }
    // A company's answer names the convention its OPCO comes from, or null when none decides it.
    const { opco, idcc, confidence } = result
    const [siret, company] = 'siret' in result ? [result.siret, result.name] : [null, null]
    this.#show(result, null, 'ready')
    await this.updateComplete
    if (opco && idcc) {
      this.emit('ganapati-opco-found', { opcoId: opco.id, idcc, siret, company, confidence })
    }
  }

  #fail(error: unknown) {
    const problem = error instanceof ApiError ? error : new ApiError('server', null)
    const { t, lang } = this.#i18n
    // A company search that failed for want of the directory or by its limit: the IDCC needs
    // neither. The API's French detail says so itself; ours says it in English.
    const companySearch = classifyQuery(this.text).kind !== 'idcc'
    const byIdcc =
      companySearch &&
      !problem.apiDetail(lang) &&
      (problem.kind === 'rate-limited' || problem.kind === 'upstream')
    const text = byIdcc ? `${problem.describe(t, lang)} ${t.byIdcc}` : problem.describe(t, lang)
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
      <span>${company ? option.name : (option.title ?? this.#i18n.t.untitled)}</span>
      <span class="meta"
        >${
          company
            ? `${option.postcode ?? ''} ${option.city ?? ''}`
            : option.opcoId && opcoName(this, option.opcoId)
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

  #renderNotice(notice: Notice) {
    const { t } = this.#i18n
    return html`<div id="message" class="notice notice--${notice.tone}" part="message">
      <p class="notice-text">${notice.text}</p>
      ${notice.tone === 'empty' ? html`<p class="muted">${t.emptyHint}</p>` : nothing}
      ${
        notice.retry
          ? html`<button
              class="button button--secondary"
              part="button"
              type="button"
              @click=${this.#handleRetry}
            >
              ${t.retry}
            </button>`
          : nothing
      }
    </div>`
  }

  /** What the live region says: derived from the state, so it never lags behind the screen. */
  #announcement(lookingUp: boolean): string {
    const { t } = this.#i18n
    if (lookingUp) return t.loading
    if (this.open) return t.found(this.conventions.length, this.companies.length)
    if (this.result) return t.result(this.result.opco?.name)
    return this.notice?.text ?? ''
  }

  override render() {
    const { t, lang } = this.#i18n
    const loading = this.state === 'loading'
    // Suggestions load silently while typing; only a lookup shows (and says) it is searching.
    const lookingUp = loading && !this.#suggestions.busy
    return html`<div class="base" part="base" lang=${lang}>
      <form part="form" role="search" @submit=${this.#handleSubmit}>
        <label class="label" part="label" for="input">${t.label}</label>
        <div class="search">
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
              placeholder=${t.placeholder}
              .value=${this.text}
              @input=${this.#handleInput}
              @keydown=${this.#handleKeydown}
              @focus=${this.#handleFocus}
              @blur=${this.#handleBlur}
            />
            <div class="popup" ?hidden=${!this.open} @mousedown=${(e: Event) => e.preventDefault()}>
              <div id="listbox" part="listbox" role="listbox" aria-label=${t.label}>
                ${this.#renderGroup('conventions', t.conventions, 0, this.conventions)}
                ${this.#renderGroup('companies', t.companies, this.conventions.length, this.companies)}
              </div>
            </div>
          </div>
          <button class="button" part="button search-button">${t.search}</button>
        </div>
        <p class="muted hint" part="hint" id="hint">${t.hint}</p>
      </form>
      <div class="visually-hidden" role="status">${this.#announcement(lookingUp)}</div>
      <div class="outcome" aria-busy=${loading}>
        ${
          lookingUp
            ? html`<p class="loading"><span class="spinner"></span>${t.loading}</p>`
            : nothing
        }
        ${this.notice ? this.#renderNotice(this.notice) : nothing}
        ${this.result ? resultCard(this, t, lang, this.result) : nothing}
      </div>
    </div>`
  }
}
