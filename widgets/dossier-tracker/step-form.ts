/** A step the signed-in member records on a dossier: the facts it needs, the request it sends, and its form. */
import { html } from 'lit'
import type { DossierEventRequest } from '../../api/contracts/dossiers'
import type { CommonWords, FormWords, Lang, StepType, TrackerWords } from '../i18n/translation'
import { parseNumber } from '../shared/localize'
import { field, formButtons, secondary, type FormState, type Values } from './fields'

export type Words = CommonWords & FormWords & TrackerWords

/** Steps that cannot be taken back: asked twice. */
export const IRREVERSIBLE: StepType[] = ['cancelled', 'closed', 'payment_received', 'trainer_paid']

/** The facts each step carries besides its optional note (api/contracts/dossiers.ts). */
const STEP_FIELDS: Partial<Record<StepType, string[]>> = {
  pec_requested: ['opcoReference'],
  pec_received: ['decision', 'amount', 'opcoReference'],
  training_completed: ['hoursDone'],
  payment_received: ['payer', 'amount'],
  cancelled: ['reason'],
}

/** Where the API's pointers land in the step's form: each fact under its own name, but the amount. */
export const STEP_POINTERS: Record<string, string> = { amountCents: 'amount' }

/** The request of a step from its form, or the messages of the values that do not read. */
export function stepRequest(
  type: StepType,
  values: Values,
  expectedVersion: number,
  lang: Lang,
  t: Words,
): { body: DossierEventRequest | null; errors: Values } {
  const fields = STEP_FIELDS[type] ?? []
  const text = (name: string) => values[name]?.trim() || undefined
  const errors: Values = {}
  const number = (name: string, money: boolean, required: boolean) => {
    const typed = text(name)
    if (!typed && !required) return undefined
    const value = parseNumber(typed ?? '', lang, money)
    if (Number.isNaN(value)) errors[name] = money ? t.form.badPrice : t.invalid
    return money ? Math.round(value * 100) : value
  }
  const facts: Record<string, unknown> = {}
  for (const name of fields) {
    if (name === 'amount') facts.amountCents = number(name, true, type === 'payment_received')
    else if (name === 'hoursDone') facts.hoursDone = number(name, false, true)
    else if (name === 'decision') facts.decision = text(name) ?? 'accepted'
    else if (name === 'payer') facts.payer = text(name) ?? 'opco'
    else facts[name] = text(name)
  }
  const body = { type, expectedVersion, note: text('note'), ...facts } as DossierEventRequest
  return { body: Object.keys(errors).length ? null : body, errors }
}

/** The form of the step being recorded, with its confirmation when irreversible. */
export function stepForm(
  type: StepType,
  form: FormState,
  t: Words,
  state: { confirming: boolean; busy: boolean },
  handlers: { submit: (event: SubmitEvent) => void; cancel: () => void; no: () => void },
) {
  const f = t.fields
  const controls: Record<string, () => unknown> = {
    decision: () =>
      field(form, 'decision', f.decision, {
        options: (['accepted', 'partial', 'refused'] as const).map((d) => [d, f.decisions[d]]),
      }),
    amount: () =>
      field(form, 'amount', f.amount, {
        inputmode: 'decimal',
        required: type === 'payment_received',
      }),
    opcoReference: () => field(form, 'opcoReference', f.opcoReference),
    hoursDone: () =>
      field(form, 'hoursDone', f.hoursDone, { inputmode: 'decimal', required: true }),
    payer: () =>
      field(form, 'payer', f.payer, {
        options: [
          ['opco', f.payers.opco],
          ['company', f.payers.company],
        ],
      }),
    reason: () => field(form, 'reason', f.reason, { rows: 2, required: true }),
  }
  const label = t.steps[type]
  return html`<form
    class="form"
    part="step-form"
    novalidate
    aria-labelledby="step-title"
    aria-busy=${state.busy}
    @submit=${handlers.submit}
  >
    <h4 id="step-title" tabindex="-1">${label}</h4>
    ${(STEP_FIELDS[type] ?? []).map((name) => controls[name]!())}
    ${field(form, 'note', f.note, { rows: 2 })}
    ${
      state.confirming
        ? html`<div class="notice notice--warning" part="confirm">
            <p id="confirm-text">${t.confirm(label)}</p>
            ${formButtons(
              state.busy ? t.recording : t.yes,
              state.busy,
              secondary(t.no, handlers.no, { id: 'no' }),
              'yes',
            )}
          </div>`
        : formButtons(
            state.busy ? t.recording : t.record,
            state.busy,
            secondary(t.cancel, handlers.cancel),
          )
    }
  </form>`
}
