/** The booking form: the visitor's details, their controls, the checks made before sending, and the request's Idempotency-Key. */
import { html, nothing, type TemplateResult } from 'lit'
import type { CallMode, Slot } from '../../api/contracts/advisors'
import type { BookingContext, BookingRequest } from '../../api/contracts/bookings'
import type { BookingWords, CommonWords, FormWords, Lang } from '../i18n/translation'
import { FIELDS, type Field } from './booking-failure'
import type { BookingController } from './booking-controller'
import type { GanapatiBookingLink } from './booking-link'
import { callView, noticeView } from './booking-parts'
import { safeHttpUrl } from '../shared/api-client'

export { FIELDS, type Field }

export type Values = Partial<Record<Field, string>>

/** Form controls: autocomplete token (WHATWG autofill), input type and the API's maximum length. */
const CONTROLS: Record<Field, [autocomplete: string, type: string, maxlength: number]> = {
  name: ['name', 'text', 120],
  email: ['email', 'email', 254],
  phone: ['tel', 'tel', 30],
  company: ['organization', 'text', 160],
  message: ['off', 'text', 2000],
}

// A pragmatic shape check; the API's own validation has the last word.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** The fields trimmed, and the messages of those the API would refuse: a name and a valid e-mail. */
export function checkFields(
  values: Values,
  t: BookingWords,
): { trimmed: Record<Field, string>; errors: Values } {
  const trimmed = Object.fromEntries(
    FIELDS.map((field) => [field, values[field]?.trim() ?? '']),
  ) as Record<Field, string>
  const errors: Values = {}
  if (!trimmed.name) errors.name = t.required.name
  if (!trimmed.email) errors.email = t.required.email
  else if (!EMAIL.test(trimmed.email)) errors.email = t.badEmail
  return { trimmed, errors }
}

/** The request for a slot: optional fields left out when empty, the context when there is some. */
export function bookingRequest(
  advisorId: string,
  slot: Slot,
  fields: Record<Field, string>,
  context: BookingContext,
  lang: Lang,
  callMode?: CallMode,
): BookingRequest {
  return {
    callMode,
    advisorId,
    start: slot.start,
    name: fields.name,
    email: fields.email,
    phone: fields.phone || undefined,
    company: fields.company || undefined,
    message: fields.message || undefined,
    context: Object.keys(context).length ? context : undefined,
    lang,
  }
}

/** One field with its label and, when refused, its message tied to it. */
export function formField(
  t: CommonWords & FormWords & BookingWords,
  field: Field,
  value: string | undefined,
  error: string | undefined,
  onInput: (event: Event) => void,
) {
  const [autocomplete, type, maxlength] = CONTROLS[field]
  const described = error ? `${field}-error` : nothing
  const invalid = error ? 'true' : nothing
  return html`<div class="field ${field === 'message' ? 'field--wide' : ''}" part="field">
    <label class="label" part="label" for=${field}>${t.fields[field]}</label>
    ${
      field === 'message'
        ? html`<textarea
            id=${field}
            name=${field}
            class="input"
            part="input"
            rows="3"
            maxlength=${maxlength}
            aria-invalid=${invalid}
            aria-describedby=${described}
            .value=${value ?? ''}
            @input=${onInput}
          ></textarea>`
        : html`<input
            id=${field}
            name=${field}
            class="input"
            part="input"
            type=${type}
            autocomplete=${autocomplete}
            maxlength=${maxlength}
            ?required=${field === 'name' || field === 'email'}
            aria-invalid=${invalid}
            aria-describedby=${described}
            .value=${value ?? ''}
            @input=${onInput}
          />`
    }
    ${error ? html`<p class="error" part="error" id="${field}-error">${error}</p>` : nothing}
  </div>`
}

/** Phone or video, when the advisor offers both; the phone then becomes required (the API says so). */
function callModeChoice(host: GanapatiBookingLink, modes: CallMode[], t: BookingWords) {
  return modes.length > 1
    ? html`<fieldset class="field field--wide" part="call-mode">
        <legend class="label">${t.callMode}</legend>
        ${modes.map(
          (mode) =>
            html`<label class="radio"
              ><input
                type="radio"
                name="callMode"
                .checked=${host.callMode === mode}
                @change=${() => (host.callMode = mode)}
              />
              ${t.callModes[mode]}</label
            >`,
        )}
      </fieldset>`
    : nothing
}

/** What is kept, why, how long, whom to ask: the API's notice, with the policy's link when set. */
function privacyView(host: GanapatiBookingLink, t: BookingWords & CommonWords) {
  const notice = host.privacy
  const policy = safeHttpUrl(notice?.policyUrl)
  return notice
    ? html`<p class="muted privacy" part="privacy">
        ${notice.text}
        ${
          policy
            ? html`<a href=${policy} target="_blank" rel="noopener" part="link"
                >${t.policy}<span class="visually-hidden"> ${t.newTab}</span></a
              >`
            : nothing
        }
      </p>`
    : nothing
}

/** The form for the chosen slot: the call, the fields, the context carried, the submit button. */
export function bookingForm(
  host: GanapatiBookingLink,
  booking: BookingController,
  t: CommonWords & FormWords & BookingWords,
  lang: Lang,
  summary: TemplateResult | typeof nothing,
) {
  const submitting = host.state === 'submitting'
  const input = (event: Event) => booking.input(event)
  return html`<form
    class="form"
    part="form"
    novalidate
    aria-labelledby="form-title"
    aria-busy=${submitting}
    @submit=${(event: SubmitEvent) => booking.submit(event)}
  >
    <h3 class="step" id="form-title">${t.form}</h3>
    <div class="chosen">${callView(t, host.chosen!, lang, booking.zone)}</div>
    ${FIELDS.map((field) => formField(t, field, host.values[field], host.errors[field], input))}
    ${callModeChoice(host, booking.callModes, t)} ${summary} ${noticeView(host.notice)}
    <button class="button" part="submit" aria-disabled=${submitting}>
      ${submitting ? t.submitting : t.submit}
    </button>
    ${privacyView(host, t)}
  </form>`
}
