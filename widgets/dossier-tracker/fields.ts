/** The tracker's form fields: a label, a control and the message of a refused value; and the API's field errors read from its problem's pointers. */
import { html, nothing, type TemplateResult } from 'lit'
import type { FormWords, Lang } from '../i18n/translation'
import { ApiError } from '../shared/api-client'

export type Values = Record<string, string>

/** What a control needs to be drawn: its form's values and errors, and the input handler. */
export interface FormState {
  values: Values
  errors: Values
  input: (event: Event) => void
}

interface Control {
  type?: string
  required?: boolean
  autocomplete?: string
  inputmode?: string
  /** A select's options, value and label. */
  options?: [string, string][]
  /** A textarea of that many rows. */
  rows?: number
}

/** One field: its label above its control, and the refused value's message tied to it. */
export function field(form: FormState, name: string, label: string, control: Control = {}) {
  const error = form.errors[name]
  const value = form.values[name] ?? ''
  const described = error ? `${name}-error` : nothing
  const invalid = error ? 'true' : nothing
  let input: TemplateResult
  if (control.options) {
    input = html`<select
      id=${name}
      name=${name}
      class="input"
      part="input"
      aria-invalid=${invalid}
      aria-describedby=${described}
      @change=${form.input}
    >
      ${control.options.map(
        ([option, text]) =>
          html`<option value=${option} ?selected=${option === value}>${text}</option>`,
      )}
    </select>`
  } else if (control.rows) {
    input = html`<textarea
      id=${name}
      name=${name}
      class="input"
      part="input"
      rows=${control.rows}
      ?required=${control.required}
      aria-invalid=${invalid}
      aria-describedby=${described}
      .value=${value}
      @input=${form.input}
    ></textarea>`
  } else if (control.type === 'checkbox') {
    return html`<label class="check" part="field"
      ><input
        type="checkbox"
        id=${name}
        name=${name}
        .checked=${value === 'on'}
        @change=${form.input}
      />
      ${label}</label
    >`
  } else {
    input = html`<input
      id=${name}
      name=${name}
      class="input"
      part="input"
      type=${control.type ?? 'text'}
      autocomplete=${control.autocomplete ?? nothing}
      inputmode=${control.inputmode ?? nothing}
      ?required=${control.required}
      aria-invalid=${invalid}
      aria-describedby=${described}
      .value=${value}
      @input=${form.input}
    />`
  }
  return html`<div class="field" part="field">
    <label class="label" part="label" for=${name}>${label}</label>
    ${input}
    ${error ? html`<p class="error" part="error" id="${name}-error">${error}</p>` : nothing}
  </div>`
}

/**
 * The messages of the fields a 400 (or a 404 about one) names, by the form's field names:
 * `fields` renames a pointer's path under /body (`company/siret`, `trainees`) to the field, a path
 * below it going to the same field; any other path is a field of its name. The API's own words in
 * French, ours otherwise.
 */
export function apiFieldErrors(
  error: ApiError,
  fields: Record<string, string>,
  lang: Lang,
  t: FormWords,
): Values {
  const errors: Values = {}
  for (const { pointer, detail } of error.problem?.errors ?? []) {
    const path = pointer.replace(/^\/body\/?/, '')
    const key = Object.keys(fields).find((name) => path === name || path.startsWith(`${name}/`))
    // A fact the map does not rename is a field of its own name.
    const name = key ? fields[key] : path
    if (name && !errors[name]) errors[name] = lang === 'fr' ? detail : t.invalid
  }
  return errors
}

/** A secondary button: back, cancel, « Non », the pages, retry, sign out. */
export function secondary(
  label: string,
  onClick: () => void,
  options: { part?: string; id?: string; disabled?: boolean } = {},
) {
  return html`<button
    class="button button--secondary"
    part=${options.part ? `button ${options.part}` : 'button'}
    type="button"
    id=${options.id ?? nothing}
    ?disabled=${options.disabled}
    @click=${onClick}
  >
    ${label}
  </button>`
}

/** A form's submit button, and the secondary one beside it that leaves or answers « Non ». */
export function formButtons(label: string, busy: boolean, other: TemplateResult, id?: string) {
  return html`<div class="buttons">
    <button class="button" part="submit" id=${id ?? nothing} aria-disabled=${busy}>${label}</button>
    ${other}
  </div>`
}
