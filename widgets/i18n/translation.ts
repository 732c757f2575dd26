/**
 * The words of every widget, one interface for every language: `fr.ts` and `en.ts` each export
 * one object per section below, typed by it, so a string missing in one language is a type error.
 */
import type {
  DossierEventType,
  DossierState,
  EventActor,
  FundingMode,
  PecDecision,
} from '../../api/contracts/dossiers'
import type { Scheme } from '../../api/contracts/funding-rules'
import type { MemberRole } from '../../api/contracts/members'
import type { Payer } from '../../api/contracts/simulations'
import type * as en from './en'
import type * as fr from './fr'

export type Lang = 'fr' | 'en'

/** What went wrong with a request, by ApiErrorKind (widgets/shared/api-client.ts). */
export interface ErrorWords {
  offline: string
  network: string
  timeout: string
  invalid: string
  'not-found': string
  'rate-limited': string
  upstream: string
  server: string
}

/** Words every widget uses: written once. */
export interface CommonWords {
  retry: string
  newTab: string
  company: string
  /** The call to action towards an advisor: the finder's link, the booking widget's title. */
  book: string
  /** After a failure that passes, when the API said how long to wait (Retry-After). */
  wait: (seconds: number) => string
  /** After a failure that passes, when it did not. */
  soon: string
  errors: ErrorWords
}

/** Words of the widgets with a form of several fields (the simulator, the booking): written once. */
export interface FormWords {
  /** A value the API refused, when its own detail is not in the visitor's language. */
  invalid: string
  /** « : » with the non-breaking space French puts before it. */
  colon: string
}

export type StepActor = 'ganapati' | 'company' | 'trainer'

export interface FinderWords {
  label: string
  placeholder: string
  hint: string
  search: string
  conventions: string
  companies: string
  loading: string
  found: (conventions: number, companies: number) => string
  companiesDown: string
  /** After a company lookup's failure: the search that needs no company directory. */
  byIdcc: string
  noConvention: (query: string) => string
  noMatch: (query: string) => string
  noCompany: (query: string) => string
  emptyHint: string
  badNumber: string
  typeSomething: string
  convention: string
  untitled: string
  yourOpco: string
  noOpco: string
  confidence: { high: string; medium: string; low: string }
  alternatives: string
  criteria: (opco: string) => string
  perBranch: string
  website: (opco: string) => string
  steps: string
  actors: Record<StepActor, string>
  source: string
  companyConventions: string
  chosen: string
  closed: string
  result: (opco: string | undefined) => string
  /** The funding-request steps; `opco` is the OPCO's name as a sentence reads it. */
  step: {
    documents: string
    send: (opco: string) => string
    /** Where to send, without the OPCO's flyer saying so; `send` is the sentence above. */
    channel: (send: string) => string
    answer: string
    check: string
    training: string
    invoice: (opco: string) => string
  }
}

export interface SimulatorWords {
  scheme: string
  schemes: Record<Scheme, string>
  compare: string
  noCompare: string
  fields: {
    date: string
    opco: string
    idcc: string
    branch: string
    headcount: string
    level: string
    price: string
    npec: string
    hours: string
    rate: string
    rqth: string
    distance: string
    priority: string
    meals: string
    nights: string
    equipment: string
  }
  annex: string
  unknownBranch: string
  /** Before a branch the OPCO numbers without naming it (its scale's « branche=177 »). */
  branchNumber: string
  distance: (percent: number) => string
  levels: string[]
  choose: string
  unknownOpco: string
  hint: string
  badNumber: string
  fix: string
  missing: (fields: string[]) => string
  loading: string
  amounts: Record<Payer, string>
  total: string
  payers: Record<Payer, string>
  unknown: string
  lines: string
  source: (date: string | null) => string
  entered: string
  warnings: string
  link: string
  copy: string
  copied: string
  copyByHand: string
  /** In compare mode, under the label of a field only one of the two schemes asks. */
  only: (scheme: string) => string
  /** In compare mode, after the hint: what the fields without that mention are for. */
  both: string
  /** In compare mode: how much less the company pays with one scheme than with the other. */
  difference: (amount: string, less: string, more: string) => string
  same: string
  /** The printed page's title, and the day the simulation was made. */
  printTitle: string
  made: (date: string) => string
}

export interface BookingWords {
  intro: (minutes: number, advisor: string) => string
  anAdvisor: string
  zone: (zone: string) => string
  loading: string
  days: string
  slots: (day: string) => string
  count: (n: number) => string
  paris: string
  empty: (days: number) => string
  emptyLater: (from: string, to: string) => string
  previous: (days: number) => string
  next: (days: number) => string
  form: string
  fields: { name: string; email: string; phone: string; company: string; message: string }
  required: { name: string; email: string }
  /** The choice of how the call happens, offered when the advisor has a video room. */
  callMode: string
  callModes: { video: string; phone: string }
  /** The link under the privacy notice (GET /v1/privacy). */
  policy: string
  badEmail: string
  fix: string
  context: string
  submit: string
  submitting: string
  taken: (when: string) => string
  unavailable: (when: string) => string
  inFlight: string
  tooLarge: string
  tooMany: string
  kept: string
  /** The title of a booking reopened from its manage link or after a reload. */
  yours: string
  confirmed: string
  withAdvisor: (advisor: string) => string
  atParis: (call: string) => string
  calendar: string
  cancel: string
  ask: string
  yes: string
  no: string
  cancelling: string
  cancelled: string
  again: string
  noAdvisor: string
  unknownAdvisor: string
  badHref: string
  badProvider: string
  /** The context the advisor receives: schemes as a sentence names them, the simulation's line. */
  contextSchemes: Record<Scheme, string>
  simulation: (scheme: string, date: string) => string
  contextAmounts: [cost: string, opco: string, remaining: string, aid: string]
  notEstimated: string
}

/** The filters of the dossier list: the caller's turn, past due, every dossier. */
export type Waiting = 'me' | 'late' | 'all'

/** The steps a member records on a dossier (`session_validated` opens it). */
export type StepType = Exclude<DossierEventType, 'session_validated'>

export interface TrackerWords {
  title: string
  signIn: {
    intro: string
    email: string
    submit: string
    sending: string
    /** After POST /v1/auth/links: never says whether the address is a member's. */
    sent: (email: string) => string
    signingIn: string
    /** The link's token was refused: spent, expired or unknown. */
    badLink: string
    ended: string
  }
  signedInAs: (name: string, role: string) => string
  roles: Record<MemberRole, string>
  signOut: string
  filters: string
  waiting: Record<Waiting, string>
  search: string
  searchButton: string
  loading: string
  empty: Record<Waiting, string>
  noMatch: (query: string) => string
  pages: string
  page: (page: number, pages: number) => string
  previous: string
  next: string
  /** A state as a step label. */
  states: Record<DossierState, string>
  /** Who acts, as a sentence names them. */
  actors: Record<EventActor, string>
  you: string
  late: string
  /** « avant le 3 décembre 2026 ». */
  before: (date: string) => string
  dates: (from: string, to: string) => string
  /** The banner when the reader acts next; `action` may carry its date already (the API's French). */
  yourTurn: (action: string) => string
  waitingFor: (actor: string, action: string) => string
  noNext: string
  back: string
  milestones: string
  /** Read before each milestone, so its status is text, not colour alone. */
  status: { done: string; current: string; upcoming: string }
  by: (actor: string) => string
  expected: (date: string) => string
  actionsTitle: string
  steps: Record<StepType, string>
  fields: {
    decision: string
    decisions: Record<PecDecision, string>
    amount: string
    opcoReference: string
    hoursDone: string
    payer: string
    payers: { company: string; opco: string }
    reason: string
    note: string
  }
  record: string
  recording: string
  cancel: string
  /** Asked before an irreversible step. */
  confirm: (step: string) => string
  yes: string
  no: string
  stale: string
  recorded: (step: string) => string
  newDossier: string
  form: {
    siret: string
    contactEmail: string
    title: string
    startDate: string
    endDate: string
    hours: string
    location: string
    distance: string
    trainees: string
    price: string
    fundingMode: string
    fundingModes: Record<FundingMode, string>
    submit: string
    submitting: string
    badPrice: string
  }
  fix: string
  created: (reference: string) => string
  notFound: string
  /** While the company files its PEC: how, as its OPCO's flyer says. */
  howToFile: (opco: string) => string
  opcoSite: (opco: string) => string
}

export interface Translation {
  common: CommonWords
  form: FormWords
  finder: FinderWords
  simulator: SimulatorWords
  booking: BookingWords
  tracker: TrackerWords
}

/** Each language file exports every section: a section missing from one fails the type check. */
type Complete<T extends Translation> = T
export type Translations = [Complete<typeof fr>, Complete<typeof en>]

/** « 2 conventions », « 1 entreprise »; nothing for none. */
export const count = (n: number, one: string, many: string): string =>
  n ? `${n} ${n > 1 ? many : one}` : ''
