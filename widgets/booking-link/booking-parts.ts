/** Small parts of the booking widget's views: a message, a call's date and time, the context the advisor receives. */
import { html, nothing } from 'lit'
import type { Slot } from '../../api/contracts/advisors'
import type { BookingWords, CommonWords, FormWords, Lang } from '../i18n/translation'
import { PARIS, formatCall, parisTime } from './slot-format'

export type Words = CommonWords & FormWords & BookingWords

export interface Notice {
  text: string
  /** The control the visitor was on is gone: focus goes to the message, which is then no alert. */
  focus?: boolean
}

/** A message about the slots or the last request; an alert unless focus is moved to it. */
export function noticeView(notice: Notice | null | undefined, error = true) {
  return notice
    ? html`<div
        id="notice"
        class="notice ${error ? 'notice--error' : ''}"
        part="message"
        role=${notice.focus ? nothing : 'alert'}
        tabindex="-1"
      >
        <p>${notice.text}</p>
      </div>`
    : nothing
}

/** « lundi 24 novembre 2026, 03:00 – 03:30 », and the same in Paris when it reads differently. */
export function callView(t: Words, slot: Slot, lang: Lang, zone: string) {
  return html`<p class="call">${formatCall(slot, lang, zone)}</p>
    ${
      parisTime(slot.start, lang, zone)
        ? html`<p class="muted">${t.atParis(formatCall(slot, lang, PARIS))}</p>`
        : nothing
    }`
}

/** « Votre conseiller recevra : » and the context's lines; nothing without context. */
export function summaryView(t: Words, lines: string[]) {
  return lines.length
    ? html`<div class="notice summary" part="summary">
        <p class="summary-title">${t.context}</p>
        <ul>
          ${lines.map((line) => html`<li>${line}</li>`)}
        </ul>
      </div>`
    : nothing
}
