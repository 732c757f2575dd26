/** The funding simulator: what the OPCO pays, what the State gives and what the employer pays itself, each figure with its source. */
import { html, nothing, svg, type PropertyValues } from 'lit'
import type { FundingRule, Scheme } from '../../api/contracts/funding-rules'
import type { OpcoList } from '../../api/contracts/opcos'
import type { Payer, SimulationResult } from '../../api/contracts/simulations'
import {
  ApiClient,
  ApiError,
  apiBase,
  jsonPost,
  safeHttpUrl,
  scriptOrigin,
} from '../shared/api-client'
import { GanapatiElement } from '../shared/base-element'
import { dictionaries, toLang, type Lang } from '../shared/i18n'
import { styles } from './funding-simulator.styles'
import {
  ANNEX,
  CHECKBOXES,
  FIELDS,
  PRESETS,
  SCHEMES,
  fieldOf,
  formatNumber,
  isText,
  parseNumber,
  readInputs,
  readShared,
  shareLink,
  today,
  uses,
  type Field,
  type Values,
} from './simulation-input'

export type SimulatorState = 'idle' | 'loading' | 'ready' | 'error'

// The API answers a simulation in milliseconds: a short pause spares a request per keystroke.
const DEBOUNCE_MS = 150

const PAYERS: Payer[] = ['opco', 'employer', 'state']

const t = dictionaries({
  fr: {
    scheme: 'Dispositif',
    schemes: {
      apprentissage: 'Contrat d’apprentissage',
      'contrat-pro': 'Contrat de professionnalisation',
      'pro-a': 'Pro-A (reconversion ou promotion par alternance)',
      plan: 'Plan de développement des compétences',
      'tutor-training': 'Formation du tuteur ou du maître d’apprentissage',
    },
    compare: 'Comparer avec…',
    noCompare: 'Aucun autre dispositif',
    fields: {
      date: 'Date de conclusion du contrat ou de début de la formation',
      opco: 'OPCO (facultatif)',
      idcc: 'IDCC de la convention collective (facultatif)',
      branch: 'Branche de l’OPCO',
      headcount: 'Effectif de l’entreprise (salariés)',
      level: 'Niveau du diplôme ou du titre préparé',
      price: 'Prix de la formation (€)',
      npec: 'Niveau de prise en charge du contrat, NPEC (€)',
      hours: 'Durée de la formation (heures)',
      rate: 'Forfait horaire de la branche (€/h, facultatif)',
      rqth: 'Apprenti reconnu travailleur handicapé (RQTH)',
      distance: 'Formation suivie à distance (seuil de la règle en vigueur)',
      priority: 'Public prioritaire (sans qualification, minima sociaux…)',
      meals: 'Repas pris en charge (nombre)',
      nights: 'Nuitées (nombre)',
      equipment: 'Premier équipement (€)',
    },
    annex: 'Frais annexes (facultatif)',
    unknownBranch: 'Non précisée',
    distance: (percent: number) => `Formation suivie à distance pour au moins ${percent} %`,
    levels: [
      'CAP, BEP',
      'bac',
      'bac +2 (BTS, DEUST)',
      'bac +3 ou +4 (licence, BUT)',
      'bac +5 (master)',
    ],
    choose: 'Choisir…',
    unknownOpco: 'Non précisé',
    hint: 'Montants en euros, par exemple 8 500 ou 8 500,50.',
    badNumber: 'Saisissez un nombre, par exemple 8 500 ou 8 500,50.',
    invalid: 'Valeur refusée : vérifiez-la.',
    fix: 'Corrigez le champ signalé pour voir l’estimation.',
    missing: (fields: string[]) =>
      `Renseignez ${fields.map((field) => `« ${field} »`).join(', ')} pour voir l’estimation.`,
    loading: 'Calcul en cours…',
    retry: 'Réessayer',
    amounts: {
      opco: 'Pris en charge par l’OPCO',
      employer: 'Reste à charge de l’entreprise',
      state: 'Aide de l’État à l’entreprise',
    },
    total: 'Coût de la formation',
    payers: { opco: 'OPCO', employer: 'Entreprise', state: 'État' },
    colon: '\u00a0: ',
    unknown: 'Montant non estimé',
    lines: 'Détail du calcul et sources',
    source: (date: string | null) =>
      date ? `source du ${date.split('-').reverse().join('/')}` : 'source',
    entered: 'd’après vos montants',
    rule: 'règle',
    warnings: 'À savoir',
    newTab: '(nouvel onglet)',
    link: 'Lien de cette simulation',
    copy: 'Copier le lien',
    copied: 'Lien copié.',
    copyByHand: 'Sélectionnez le lien puis copiez-le (Ctrl+C).',
  },
  en: {
    scheme: 'Scheme',
    schemes: {
      apprentissage: 'Apprenticeship contract',
      'contrat-pro': 'Professionalisation contract',
      'pro-a': 'Pro-A (retraining or promotion through work-study)',
      plan: 'Skills development plan',
      'tutor-training': 'Tutor or apprenticeship mentor training',
    },
    compare: 'Compare with…',
    noCompare: 'No other scheme',
    fields: {
      date: 'Date the contract is concluded or training starts',
      opco: 'OPCO (optional)',
      idcc: 'Collective agreement IDCC (optional)',
      branch: 'OPCO branch',
      headcount: 'Company headcount (employees)',
      level: 'Level of the qualification',
      price: 'Training price (€)',
      npec: 'Contract funding level, NPEC (€)',
      hours: 'Training length (hours)',
      rate: 'Branch hourly rate (€/h, optional)',
      rqth: 'Apprentice with recognised disability (RQTH)',
      distance: 'Training at a distance (threshold of the rule in force)',
      priority: 'Priority public (no qualification, on welfare…)',
      meals: 'Meals (number)',
      nights: 'Nights (number)',
      equipment: 'First equipment (€)',
    },
    annex: 'Ancillary costs (optional)',
    unknownBranch: 'Not specified',
    distance: (percent: number) => `At least ${percent}% of the training at a distance`,
    levels: ['CAP, BEP', 'baccalauréat', 'bac +2 (BTS)', 'bachelor’s', 'master’s'],
    choose: 'Choose…',
    unknownOpco: 'Not specified',
    hint: 'Amounts in euros, e.g. 8,500 or 8,500.50.',
    badNumber: 'Enter a number, e.g. 8,500 or 8,500.50.',
    invalid: 'This value is not accepted: check it.',
    fix: 'Correct the flagged field to see the estimate.',
    missing: (fields: string[]) =>
      `Fill in ${fields.map((field) => `“${field}”`).join(', ')} to see the estimate.`,
    loading: 'Calculating…',
    retry: 'Try again',
    amounts: {
      opco: 'Paid by the OPCO',
      employer: 'Left for the company to pay',
      state: 'State aid to the company',
    },
    total: 'Training cost',
    payers: { opco: 'OPCO', employer: 'Company', state: 'State' },
    colon: ': ',
    unknown: 'Amount not estimated',
    lines: 'Breakdown and sources',
    source: (date: string | null) => (date ? `source dated ${date}` : 'source'),
    entered: 'from the amounts you entered',
    rule: 'rule',
    warnings: 'Good to know',
    newTab: '(new tab)',
    link: 'Link to this simulation',
    copy: 'Copy link',
    copied: 'Link copied.',
    copyByHand: 'Select the link, then copy it (Ctrl+C).',
  },
})

type Dictionary = ReturnType<typeof t>

/** One column of the result: a scheme's figures, or why there are none. */
interface Column {
  scheme: Scheme
  result: SimulationResult | null
  message: string | null
  /** The message is a failure the visitor may retry (network, server). */
  retry?: boolean
}

const money = (cents: number, lang: Lang) =>
  new Intl.NumberFormat(lang, {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: cents % 100 ? 2 : 0,
  }).format(cents / 100)

/** An amount of the result by payer; null when no figure is known. */
const amountOf = (result: SimulationResult, payer: Payer): number | null =>
  payer === 'opco'
    ? result.opcoFundingCents
    : payer === 'employer'
      ? result.employerCostCents
      : result.stateAidCents

/** « OPCO : 6 250 €, Entreprise : 2 250 €, État : 2 000 € »: the chart's name, and what is announced. */
function summary(d: Dictionary, result: SimulationResult, lang: Lang): string {
  return PAYERS.map((payer) => {
    const cents = amountOf(result, payer)
    return `${d.payers[payer]}${d.colon}${cents == null ? d.unknown : money(cents, lang)}`
  }).join(', ')
}

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
 * @csspart result - A result column: one scheme's figures.
 * @csspart amounts - The three amounts and the total.
 * @csspart amount - One amount (also `amount-opco`, `amount-employer`, `amount-state`, `amount-total`).
 * @csspart chart - The SVG chart of who pays what.
 * @csspart lines - The list of the calculation's lines.
 * @csspart line - One line: label, amount, payer, source.
 * @csspart source - A line's source: link, date, rule id.
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
 */
export class GanapatiFundingSimulator extends GanapatiElement {
  static override styles = styles

  // `static properties` rather than decorators, `declare`d fields: see GanapatiOpcoFinder.
  static override properties = {
    values: { state: true },
    selected: { state: true },
    columns: { state: true },
    errors: { state: true },
    opcos: { state: true },
    distancePercent: { state: true },
    branches: { state: true },
    copyNotice: { state: true },
    api: {},
    locale: { attribute: 'lang' },
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
  declare distancePercent: number | null
  /** The OPCO's own branches for the plan at the date (GET /v1/funding-rules); empty when none. */
  declare branches: string[]
  /** What the copy button achieved. */
  declare copyNotice: string

  /**
   * Ganapati API: an http(s) origin, with a path prefix if the API is served under one; by
   * default, and for anything else, the script's origin.
   */
  declare api: string
  /** Interface language (`lang` attribute): `fr` (default) or `en`. */
  declare locale: string | null
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

  #apiClient: ApiClient | null = null
  #timer: ReturnType<typeof setTimeout> | undefined
  /** Counts simulations: an answer to an older one is dropped. */
  #run = 0
  #rulesDate = ''
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
    this.distancePercent = null
    this.branches = []
    this.copyNotice = ''
    this.api = scriptOrigin
    this.locale = null
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

  /** The scheme compared, unless none or the same. */
  get #compared(): Scheme | '' {
    const other = this.compare as Scheme
    return SCHEMES.includes(other) && other !== this.selected ? other : ''
  }

  #preset(field: Field | 'scheme'): string | null {
    return this[field as 'scheme']
  }

  /** A finder on the page found the company's OPCO: its OPCO and IDCC fill the fields not preset. */
  readonly #onOpcoFound = ({ detail }: CustomEvent<{ opcoId: string; idcc: string }>) => {
    // A trainer who preset another OPCO simulates for that one: the branch found would contradict it.
    if ((this.opco ?? detail.opcoId) !== detail.opcoId) return
    this.values = {
      ...this.values,
      opco: this.opco ?? detail.opcoId,
      idcc: this.idcc ?? detail.idcc,
    }
    this.#schedule()
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
    const d = t(this.#language)
    const field = this.renderRoot.querySelector<HTMLInputElement>('#share-link')!
    try {
      await navigator.clipboard.writeText(field.value)
      this.copyNotice = d.copied
    } catch {
      // No Clipboard API (http pages, older browsers) or no permission: the older command, then by hand.
      field.select()
      this.copyNotice = document.execCommand('copy') ? d.copied : d.copyByHand
    }
  }

  override connectedCallback() {
    super.connectedCallback()
    document.addEventListener('ganapati-opco-found', this.#onOpcoFound)
    if (this.hasUpdated) this.#schedule()
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    document.removeEventListener('ganapati-opco-found', this.#onOpcoFound)
    clearTimeout(this.#timer)
    this.#run++
    this.#apiClient?.cancel()
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    const lang = this.#language
    const values = { ...this.values }
    const relang = this.hasUpdated && changed.has('locale')
    if (relang) {
      // What the visitor typed keeps its amount: « 8 500,5 » becomes "8,500.5", not 85005.
      for (const field of FIELDS) {
        const number = isText(field)
          ? NaN
          : parseNumber(values[field] ?? '', toLang(changed.get('locale')))
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
    if (!this.hasUpdated) this.#restore(values)
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
    this.#client.get<OpcoList>('/v1/opcos').then(
      ({ items }) => (this.opcos = items.map((opco) => [opco.id, opco.shortName])),
      () => {},
    )
  }

  /** Reads a link shared from this page: the visitor's fields, never over a preset. */
  #restore(values: Values) {
    const shared = readShared(location.hash)
    for (const field of FIELDS) {
      const text = shared.get(field)
      if (text == null || this.#preset(field) != null) continue
      const number = Number(text)
      values[field] =
        !isText(field) && text && number >= 0 ? formatNumber(number, this.#language) : text
    }
    const scheme = shared.get('scheme') as Scheme
    if (this.scheme == null && SCHEMES.includes(scheme)) this.selected = scheme
    if (shared.has('compare')) this.compare = shared.get('compare')
  }

  #schedule() {
    clearTimeout(this.#timer)
    this.#timer = setTimeout(() => this.#simulate(), DEBOUNCE_MS)
  }

  /** Simulates the scheme and the one compared; the previous figures stay until the answer. */
  async #simulate(): Promise<void> {
    clearTimeout(this.#timer)
    const run = ++this.#run
    const lang = this.#language
    const d = t(lang)
    const schemes = [this.selected, this.#compared].filter(Boolean) as Scheme[]
    this.#loadRules(schemes)
    const inputs = schemes.map((scheme) => readInputs(scheme, this.values, lang))
    this.#apiClient?.cancel('simulation')
    this.#apiClient?.cancel('comparison')
    const invalid = inputs.flatMap((input) => input.invalid)
    if (invalid.length) {
      this.errors = Object.fromEntries(invalid.map((field) => [field, d.badNumber]))
      this.columns = []
      this.state = 'error'
      return
    }
    const missing = (input: (typeof inputs)[number]) =>
      d.missing(input.missing.map((field) => d.fields[field]))
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
          ? this.#client.get<SimulationResult>(
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
        const failure = error.kind === 'upstream' ? new ApiError('server', null) : error
        return { scheme, result: null, message: failure.describe(lang), retry: true }
      }
      // A 400 names its fields: the main column shows each message under its field.
      const detail = lang === 'fr' && error.problem?.detail
      for (const { pointer, detail: why } of error.problem?.errors ?? []) {
        const field = fieldOf(pointer)
        if (!i && field && uses(scheme, field)) errors[field] = lang === 'fr' ? why : d.invalid
      }
      return {
        scheme,
        result: null,
        message: !i && Object.keys(errors).length ? d.fix : detail || d.invalid,
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
   * and lists the branches the OPCO's plan scale is published for.
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
      this.#apiClient?.cancel('branches')
      if (of) {
        this.#client
          .get<{ items: FundingRule[] }>(
            '/v1/funding-rules',
            { scheme: 'plan', opcoId, date },
            'branches',
          )
          .then(
            ({ items }) =>
              (this.branches = [...new Set(items.flatMap((item) => item.branch ?? []))]),
            () => {},
          )
      }
    }
    if (!schemes.includes('apprentissage') || date === this.#rulesDate) return
    this.#rulesDate = date
    this.#client
      .get<{ items: FundingRule[] }>(
        '/v1/funding-rules',
        { scheme: 'apprentissage', date },
        'rules',
      )
      .then(
        ({ items }) => {
          const rule = items.find((item) => item.kind === 'npec-distance-reduction')
          this.distancePercent = rule?.params.minDistancePercent ?? null
        },
        () => {},
      )
  }

  #renderLink(href: string | null | undefined, label: unknown) {
    const safe = safeHttpUrl(href)
    return safe
      ? html`<a class="link" href=${safe} target="_blank" rel="noreferrer"
          >${label}<span class="visually-hidden"> ${t(this.#language).newTab}</span></a
        >`
      : label
  }

  /** The options of a select field; null for a text, date or checkbox field. */
  #options(d: Dictionary, field: Field | 'scheme' | 'compare'): [string, string][] | null {
    const schemes = (list: Scheme[]) => list.map((s): [string, string] => [s, d.schemes[s]])
    if (field === 'scheme') return schemes(SCHEMES)
    if (field === 'compare') {
      return [['', d.noCompare], ...schemes(SCHEMES.filter((s) => s !== this.selected))]
    }
    if (field === 'level') {
      return [
        ['', d.choose],
        ...d.levels.map((name, i): [string, string] => [`${i + 3}`, `${i + 3} — ${name}`]),
      ]
    }
    if (field === 'branch') {
      return [['', d.unknownBranch], ...this.branches.map((b): [string, string] => [b, b])]
    }
    return field === 'opco' ? [['', d.unknownOpco], ...this.opcos] : null
  }

  #renderField(d: Dictionary, field: Field | 'scheme' | 'compare') {
    const error = this.errors[field as Field]
    const checkbox = CHECKBOXES.includes(field as Field)
    const value =
      (field === 'scheme'
        ? this.selected
        : field === 'compare'
          ? this.#compared
          : this.values[field]) ?? ''
    const options = this.#options(d, field)
    // A choice GET /v1/opcos has not named yet (or does not know) stays selectable, by its id.
    if (value && options && !options.some(([id]) => id === value)) options.push([value, value])
    const described = error ? `${field}-error` : nothing
    const invalid = error ? 'true' : nothing
    const control =
      field !== 'compare' && this.#preset(field) != null
        ? html`<input
            id=${field}
            class="input"
            part="input"
            readonly
            aria-invalid=${invalid}
            aria-describedby=${described}
            .value=${options?.find(([id]) => id === value)?.[1] ?? value}
          />`
        : options
          ? html`<select
              id=${field}
              name=${field}
              class="input"
              part=${field === 'compare' ? 'input compare' : 'input'}
              aria-invalid=${invalid}
              aria-describedby=${described}
              @change=${this.#handleInput}
            >
              ${options.map(
                ([id, name]) =>
                  html`<option value=${id} ?selected=${id === value}>${name}</option>`,
              )}
            </select>`
          : html`<input
              id=${field}
              name=${field}
              class=${checkbox ? 'checkbox' : 'input'}
              part="input"
              type=${checkbox ? 'checkbox' : field === 'date' ? 'date' : 'text'}
              inputmode=${checkbox || field === 'date' ? nothing : field === 'idcc' || field === 'headcount' ? 'numeric' : 'decimal'}
              autocomplete="off"
              aria-invalid=${invalid}
              aria-describedby=${described}
              .value=${value}
              .checked=${!!value}
              @input=${this.#handleInput}
            />`
    const label =
      field === 'scheme' || field === 'compare'
        ? d[field]
        : field === 'distance' && this.distancePercent
          ? d.distance(this.distancePercent)
          : d.fields[field]
    return html`<div class="field ${checkbox ? 'field--check' : ''}" part="field">
      ${checkbox ? control : nothing}
      <label class="label" part="label" for=${field}>${label}</label>
      ${checkbox ? nothing : control}
      ${error ? html`<p class="error" part="error" id="${field}-error">${error}</p>` : nothing}
    </div>`
  }

  /** Who pays what, as bars on one scale; its accessible name carries the amounts. */
  #renderChart(d: Dictionary, result: SimulationResult) {
    const lang = this.#language
    const amounts = PAYERS.map((payer) => amountOf(result, payer))
    const max = Math.max(...amounts.map((cents) => cents ?? 0), 1)
    const label = summary(d, result, lang)
    return html`<svg class="chart" part="chart" role="img" aria-label=${label} viewBox="0 0 400 84">
      <title>${label}</title>
      ${amounts.map((cents, i) => {
        const y = i * 28
        const width = ((cents ?? 0) / max) * 180
        return svg`<text y=${y + 17}>${d.payers[PAYERS[i]!]}</text>
          <rect class="bar bar--${PAYERS[i]}" x="90" y=${y + 3} height="20" width=${width}></rect>
          <text x=${width + 96} y=${y + 17}>${cents == null ? d.unknown : money(cents, lang)}</text>`
      })}
    </svg>`
  }

  #renderWarning(warning: string) {
    // The API names the OPCO's criteria page in the text: made a link, no HTML taken from data.
    return warning
      .split(/(https?:\/\/\S*[^\s.,;:)])/)
      .map((piece, i) => (i % 2 ? this.#renderLink(piece, piece) : piece))
  }

  #renderLines(d: Dictionary, result: SimulationResult) {
    const lang = this.#language
    return html`<h3>${d.lines}</h3>
      <ul class="lines" part="lines">
        ${result.lines.map(
          ({ label, amountCents, payer, source, ruleId }) =>
            html`<li class="line" part="line">
              <span>${label}</span>
              <strong class="line-amount">${money(amountCents, lang)}</strong>
              <span class="payer payer--${payer}">${d.payers[payer]}</span>
              <span class="source muted" part="source">
                ${source ? this.#renderLink(source.url, d.source(source.date)) : d.entered}
                ${ruleId ? html`· ${d.rule} <code>${ruleId}</code>` : nothing}
              </span>
            </li>`,
        )}
      </ul>`
  }

  #renderColumn(d: Dictionary, { scheme, result, message, retry }: Column) {
    const lang = this.#language
    return html`<section class="result" part="result" aria-label=${d.schemes[scheme]}>
      <h2 class="result-title">${d.schemes[scheme]}</h2>
      ${
        message
          ? html`<div class="notice ${retry ? 'notice--error' : ''}" part="message">
              <p>${message}</p>
              ${
                retry
                  ? html`<button class="button" part="button" type="button" @click=${this.#retry}>
                      ${d.retry}
                    </button>`
                  : nothing
              }
            </div>`
          : nothing
      }
      ${
        result
          ? html`<dl class="amounts" part="amounts">
                ${PAYERS.map((payer) => {
                  const cents = amountOf(result, payer)
                  return html`<div class="amount amount--${payer}" part="amount amount-${payer}">
                    <dt>${d.amounts[payer]}</dt>
                    <dd>${cents == null ? d.unknown : money(cents, lang)}</dd>
                  </div>`
                })}
                <div class="amount amount--total" part="amount amount-total">
                  <dt>${d.total}</dt>
                  <dd>${money(result.totalCostCents, lang)}</dd>
                </div>
              </dl>
              ${this.#renderChart(d, result)}
              ${
                result.warnings.length
                  ? html`<div class="warnings" part="warnings">
                      <h3>${d.warnings}</h3>
                      <ul>
                        ${result.warnings.map((w) => html`<li>${this.#renderWarning(w)}</li>`)}
                      </ul>
                    </div>`
                  : nothing
              }
              ${result.lines.length ? this.#renderLines(d, result) : nothing}`
          : nothing
      }
    </section>`
  }

  override render() {
    const lang = this.#language
    const d = t(lang)
    const schemes = [this.selected, this.#compared].filter(Boolean) as Scheme[]
    const fields = FIELDS.filter(
      (field) =>
        schemes.some((scheme) => uses(scheme, field)) &&
        (field !== 'branch' || this.branches.length),
    )
    const result = this.columns[0]?.result
    const loading = this.state === 'loading'
    return html`<div class="base" part="base" lang=${lang}>
      <form class="form" part="form" @submit=${(event: Event) => event.preventDefault()}>
        ${this.#renderField(d, 'scheme')} ${this.#renderField(d, 'compare')}
        ${fields.map((field) =>
          // The frais annexes, last of the apprenticeship's fields, grouped in one fieldset.
          field === 'meals'
            ? html`<fieldset class="form annex">
                <legend class="label">${d.annex}</legend>
                ${ANNEX.map((annex) => this.#renderField(d, annex))}
              </fieldset>`
            : ANNEX.includes(field)
              ? nothing
              : this.#renderField(d, field),
        )}
        <p class="hint muted" part="hint">${d.hint}</p>
      </form>
      <div class="visually-hidden" role="status">
        ${loading ? d.loading : result ? summary(d, result, lang) : ''}
      </div>
      <div class="results" aria-busy=${loading}>
        ${this.columns.map((column) => this.#renderColumn(d, column))}
      </div>
      ${
        result
          ? html`<div class="share" part="share">
              <label class="label" part="label" for="share-link">${d.link}</label>
              <div class="share-row">
                <input
                  id="share-link"
                  class="input"
                  part="input share-link"
                  readonly
                  .value=${shareLink(this.selected, this.#compared, this.values, lang, location.href)}
                />
                <button
                  class="button"
                  part="button share-button"
                  type="button"
                  @click=${this.#handleCopy}
                >
                  ${d.copy}
                </button>
              </div>
              <p class="muted" role="status">${this.copyNotice}</p>
            </div>`
          : nothing
      }
    </div>`
  }
}
