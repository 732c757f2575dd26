/** The simulator's form controls: a preset shown read-only, a select, or a text, date or checkbox field, with its error. */
import { html, nothing } from 'lit'
import type { Scheme } from '../../api/contracts/funding-rules'
import type { CommonWords, FormWords, SimulatorWords } from '../i18n/translation'
import { ANNEX, CHECKBOXES, SCHEMES, uses, type Field, type Values } from './simulation-input'

export type Control = Field | 'scheme' | 'compare'

type Option = [value: string, label: string]

/** What the form shows and how it answers. */
export interface FormState {
  t: CommonWords & FormWords & SimulatorWords
  values: Values
  errors: Values
  selected: Scheme
  compared: Scheme | ''
  /** OPCO ids and short names, once GET /v1/opcos answered. */
  opcos: Option[]
  branches: string[]
  distancePercent?: number | null
  /** A control's preset (then read-only), null when the host page set none. */
  preset: (control: Control) => string | null
  onInput: (event: Event) => void
}

/** The options of a select control; null for a text, date or checkbox field. */
export function controlOptions(
  { t, selected, branches, opcos }: FormState,
  control: Control,
): Option[] | null {
  const schemes = (list: Scheme[]) => list.map((s): Option => [s, t.schemes[s]])
  if (control === 'scheme') return schemes(SCHEMES)
  if (control === 'compare') {
    return [['', t.noCompare], ...schemes(SCHEMES.filter((s) => s !== selected))]
  }
  if (control === 'level') {
    return [
      ['', t.choose],
      ...t.levels.map((name, i): Option => [`${i + 3}`, `${i + 3} — ${name}`]),
    ]
  }
  if (control === 'branch') {
    // A scale published per branch number reads « Branche n° 177 », not the API's « branche=177 ».
    return [
      ['', t.unknownBranch],
      ...branches.map((b): Option => [b, b.replace('branche=', t.branchNumber)]),
    ]
  }
  return control === 'opco' ? [['', t.unknownOpco], ...opcos] : null
}

/**
 * In compare mode, the one scheme of the two that asks a field, so its label can say so; null when
 * both ask it, or without a comparison.
 */
export function onlyFor(
  { selected, compared }: Pick<FormState, 'selected' | 'compared'>,
  field: Control,
): Scheme | null {
  if (!compared || field === 'scheme' || field === 'compare') return null
  const mine = uses(selected, field)
  return mine === uses(compared, field) ? null : mine ? selected : compared
}

/** « Contrat de professionnalisation uniquement », under the label of a field one scheme asks. */
export function onlyTag(state: FormState, field: Control) {
  const only = onlyFor(state, field)
  return only
    ? html`<span class="only" part="only">${state.t.only(state.t.schemes[only])}</span>`
    : nothing
}

export function formControl(state: FormState, field: Control) {
  const { t } = state
  const error = state.errors[field as Field]
  const checkbox = CHECKBOXES.includes(field as Field)
  const value =
    (field === 'scheme'
      ? state.selected
      : field === 'compare'
        ? state.compared
        : state.values[field]) ?? ''
  const options = controlOptions(state, field)
  // A choice GET /v1/opcos has not named yet (or does not know) stays selectable, by its id.
  if (value && options && !options.some(([id]) => id === value)) options.push([value, value])
  const described = error ? `${field}-error` : nothing
  const invalid = error ? 'true' : nothing
  const control =
    field !== 'compare' && state.preset(field) != null
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
            @change=${state.onInput}
          >
            ${options.map(
              ([id, name]) => html`<option value=${id} ?selected=${id === value}>${name}</option>`,
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
            @input=${state.onInput}
          />`
  const label =
    field === 'scheme' || field === 'compare'
      ? t[field]
      : field === 'distance' && state.distancePercent
        ? t.distance(state.distancePercent)
        : t.fields[field]
  // An empty field has nothing to print: `field--empty` leaves it off the page.
  return html`<div
    class="field ${checkbox ? 'field--check' : ''} ${value ? '' : 'field--empty'}"
    part="field"
  >
    ${checkbox ? control : nothing}
    <label class="label" part="label" for=${field}
      >${label}${ANNEX.includes(field as Field) ? nothing : onlyTag(state, field)}</label
    >
    ${checkbox ? nothing : control}
    ${error ? html`<p class="error" part="error" id="${field}-error">${error}</p>` : nothing}
  </div>`
}
