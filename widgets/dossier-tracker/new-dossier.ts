/** « Valider une session »: a trainer opens a dossier from the session's facts (POST /v1/dossiers). */
import { html } from 'lit'
import type { NewDossier } from '../../api/contracts/dossiers'
import type { Lang } from '../i18n/translation'
import { parseNumber } from '../shared/localize'
import { field, formButtons, secondary, type FormState, type Values } from './fields'
import type { Words } from './step-form'

/** Where the API's pointers (under /body) land in the form; the OPCO's, on the company's SIRET. */
export const DOSSIER_POINTERS: Record<string, string> = {
  'company/siret': 'siret',
  'company/contactEmail': 'contactEmail',
  opcoId: 'siret',
  'training/title': 'course',
  'training/startDate': 'startDate',
  'training/endDate': 'endDate',
  'training/hours': 'hours',
  'training/location': 'location',
  'training/distance': 'location',
  trainees: 'trainees',
  priceCents: 'price',
  fundingMode: 'fundingMode',
}

/** The form's fields in order, the first refused one focused. */
export const DOSSIER_FIELDS = [
  'siret',
  'contactEmail',
  'course',
  'startDate',
  'endDate',
  'hours',
  'location',
  'trainees',
  'price',
  'fundingMode',
]

/**
 * The request from the form: the SIRET without its spaces, the price in cents, one trainee a line,
 * a place or « à distance ». What is missing is left out, for the API to name under its field.
 */
export function newDossierRequest(
  values: Values,
  lang: Lang,
  t: Words,
): { body: NewDossier | null; errors: Values } {
  const text = (name: string) => values[name]?.trim() || undefined
  const errors: Values = {}
  const price = text('price') ? parseNumber(text('price')!, lang, true) : undefined
  if (Number.isNaN(price)) errors.price = t.form.badPrice
  const hours = text('hours') ? parseNumber(text('hours')!, lang) : undefined
  if (Number.isNaN(hours)) errors.hours = t.invalid
  const distance = values.distance === 'on'
  const body = {
    company: { siret: text('siret')?.replace(/\s/g, ''), contactEmail: text('contactEmail') },
    training: {
      title: text('course'),
      startDate: text('startDate'),
      endDate: text('endDate'),
      hours,
      ...(distance ? { distance: true } : { location: text('location') }),
    },
    trainees: (values.trainees ?? '')
      .split('\n')
      .map((name) => name.trim())
      .filter(Boolean)
      .map((name) => ({ name })),
    priceCents: price === undefined ? undefined : Math.round(price * 100),
    fundingMode: text('fundingMode') ?? 'subrogation',
    // The dossier's e-mails link back to this page; its fragment is the widget's own.
    pageUrl: location.href.split('#')[0],
  } as NewDossier
  return { body: Object.keys(errors).length ? null : body, errors }
}

/** The form of « Valider une session ». */
export function newDossierForm(
  form: FormState,
  t: Words,
  busy: boolean,
  handlers: { submit: (event: SubmitEvent) => void; cancel: () => void },
) {
  const w = t.form
  const distance = form.values.distance === 'on'
  return html`<form
    class="form"
    part="new-form"
    novalidate
    aria-labelledby="view-title"
    aria-busy=${busy}
    @submit=${handlers.submit}
  >
    <h3 id="view-title" tabindex="-1">${t.newDossier}</h3>
    ${field(form, 'siret', w.siret, { inputmode: 'numeric', required: true })}
    ${field(form, 'contactEmail', w.contactEmail, { type: 'email', required: true })}
    ${field(form, 'course', w.title, { required: true })}
    <div class="pair">
      ${field(form, 'startDate', w.startDate, { type: 'date', required: true })}
      ${field(form, 'endDate', w.endDate, { type: 'date', required: true })}
    </div>
    ${field(form, 'hours', w.hours, { inputmode: 'decimal', required: true })}
    ${distance ? '' : field(form, 'location', w.location, { required: true })}
    ${field(form, 'distance', w.distance, { type: 'checkbox' })}
    ${field(form, 'trainees', w.trainees, { rows: 3, required: true })}
    ${field(form, 'price', w.price, { inputmode: 'decimal', required: true })}
    ${field(form, 'fundingMode', w.fundingMode, {
      options: (['subrogation', 'direct'] as const).map((mode) => [mode, w.fundingModes[mode]]),
    })}
    ${formButtons(busy ? w.submitting : w.submit, busy, secondary(t.cancel, handlers.cancel))}
  </form>`
}
