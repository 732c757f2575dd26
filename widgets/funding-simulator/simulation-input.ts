/** The simulator's fields: which ones each scheme asks, numbers as people type them, the request. Pure. */
import type { Scheme } from '../../api/contracts/funding-rules'
import type { SimulationRequest } from '../../api/contracts/simulations'
import type { Lang } from '../i18n/translation'
import { parseNumber } from '../shared/localize'

export type Field =
  | 'date'
  | 'opco'
  | 'idcc'
  | 'branch'
  | 'headcount'
  | 'level'
  | 'price'
  | 'npec'
  | 'hours'
  | 'rate'
  | 'rqth'
  | 'distance'
  | 'priority'
  | 'meals'
  | 'nights'
  | 'equipment'

/** Every field in form order; the first three apply to every scheme, the first four are text. */
export const FIELDS: Field[] = [
  'date',
  'opco',
  'idcc',
  'branch',
  'headcount',
  'level',
  'price',
  'npec',
  'hours',
  'rate',
  'rqth',
  'distance',
  'priority',
  'meals',
  'nights',
  'equipment',
]

/** The apprenticeship's « frais annexes »: sent together as `annex`, and only when one is filled. */
export const ANNEX: Field[] = ['meals', 'nights', 'equipment']

/** Date, OPCO, IDCC and branch go as typed; the other fields are numbers. */
export const isText = (field: Field) => FIELDS.indexOf(field) < 4

/** Fields a host page may preset by attribute (then read-only), besides `scheme`. */
export const PRESETS: Field[] = [
  'date',
  'opco',
  'idcc',
  'headcount',
  'level',
  'price',
  'npec',
  'hours',
  'rate',
]

export const SCHEMES: Scheme[] = ['apprentissage', 'contrat-pro', 'pro-a', 'plan', 'tutor-training']

/** What each scheme asks besides date, OPCO and IDCC (the request contract of POST /v1/simulations). */
const FIELDS_OF: Record<Scheme, Field[]> = {
  apprentissage: ['headcount', 'level', 'price', 'npec', 'rqth', 'distance', ...ANNEX],
  'contrat-pro': ['hours', 'price', 'rate', 'priority'],
  'pro-a': ['hours', 'price', 'rate', 'priority'],
  plan: ['branch', 'headcount', 'hours', 'price'],
  'tutor-training': ['hours', 'price'],
}

/** Left empty, these leave the API to its own figures (the rule in force, every branch). */
const OPTIONAL: Field[] = [
  'opco',
  'idcc',
  'branch',
  'rate',
  'rqth',
  'distance',
  'priority',
  ...ANNEX,
]

export const CHECKBOXES: Field[] = ['rqth', 'distance', 'priority']

/** Whether a scheme uses a field: the form shows the fields of the schemes simulated. */
export function uses(scheme: Scheme, field: Field): boolean {
  return FIELDS.indexOf(field) < 3 || FIELDS_OF[scheme].includes(field)
}

export type Values = Partial<Record<Field, string>>

/** Today in the visitor's time zone, YYYY-MM-DD. */
export function today(): string {
  const now = new Date()
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10)
}

export interface Inputs {
  /** Set when every required field reads. */
  request: SimulationRequest | null
  missing: Field[]
  /** Fields whose text is not a number, or a money amount with more than two decimals. */
  invalid: Field[]
}

/** Names of the request's members where they differ from the field's: money goes in integer cents. */
const API_NAMES: Values = {
  price: 'priceCents',
  npec: 'npecCents',
  rate: 'centsPerHour',
  opco: 'opcoId',
  distance: 'distanceLearning',
  priority: 'priorityPublic',
  equipment: 'firstEquipmentCents',
}

const MONEY: Field[] = ['price', 'npec', 'rate', 'equipment']

/** Reads the form for one scheme. */
export function readInputs(scheme: Scheme, values: Values, lang: Lang): Inputs {
  // The API words the lines and warnings in the widget's language.
  const request: Record<string, unknown> = { scheme, lang }
  const annex: Record<string, number> = {}
  const missing: Field[] = []
  const invalid: Field[] = []
  for (const field of FIELDS) {
    if (!uses(scheme, field)) continue
    const name = API_NAMES[field] ?? field
    const text = values[field]?.trim() ?? ''
    const money = MONEY.includes(field)
    if (CHECKBOXES.includes(field)) {
      request[name] = !!text
    } else if (!text) {
      if (!OPTIONAL.includes(field)) missing.push(field)
    } else if (isText(field)) {
      // Date, OPCO, IDCC and branch go as typed: the API words what is wrong with them.
      request[name] = text
    } else {
      const number = parseNumber(text, lang, money)
      if (Number.isNaN(number)) invalid.push(field)
      else
        (ANNEX.includes(field) ? annex : request)[name] = money ? Math.round(number * 100) : number
    }
  }
  // The API applies the OPCO's caps to the annex costs; those left empty count as none.
  if (Object.keys(annex).length) request.annex = annex
  return {
    request: missing.length || invalid.length ? null : (request as SimulationRequest),
    missing,
    invalid,
  }
}

/** The field a problem+json pointer names: `/body/priceCents` → `price` (`/body/annex/meals`: `meals`). */
export function fieldOf(pointer: string): Field | undefined {
  const name = pointer.replace(/^\/body\/(annex\/)?/, '')
  return FIELDS.find((field) => (API_NAMES[field] ?? field) === name)
}
