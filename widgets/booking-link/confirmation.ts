/** The booked call: its confirmation with « Ajouter à mon agenda », the cancel action asked twice, and the cancellation itself. */
import { html, nothing } from 'lit'
import type { BookingView } from '../../api/contracts/bookings'
import type { Lang } from '../i18n/translation'
import { ApiClient, safeHttpUrl } from '../shared/api-client'
import type { BookingController } from './booking-controller'
import type { GanapatiBookingLink } from './booking-link'
import { callView, noticeView, type Words } from './booking-parts'

/** Cancels through the API's own cancel link (its token in the query); `url` is already checked http(s). */
export function cancelBooking(url: string): Promise<BookingView> {
  const target = new URL(url)
  return new ApiClient(target.origin).get<BookingView>(
    target.pathname + target.search,
    {},
    undefined,
    { method: 'POST' },
  )
}

/** The booked or cancelled call, with its actions. */
export function confirmation(
  host: GanapatiBookingLink,
  booking: BookingController,
  t: Words,
  lang: Lang,
) {
  const call = host.booking!
  const busy = host.state === 'submitting'
  const cancelled = call.status === 'cancelled'
  const calendar = safeHttpUrl(call.icsUrl)
  const { advisorName } = booking
  return html`<section
    class="confirmation ${cancelled ? 'confirmation--cancelled' : ''}"
    part="confirmation"
    aria-labelledby="confirmation-title"
  >
    <h3 class="confirmation-title" id="confirmation-title" tabindex="-1">
      ${cancelled ? t.cancelled : booking.reopened ? t.yours : t.confirmed}
    </h3>
    ${callView(t, call, lang, booking.zone)}
    ${advisorName ? html`<p>${t.withAdvisor(advisorName)}</p>` : nothing} ${noticeView(host.notice)}
    ${
      cancelled
        ? html`<div class="actions">
            <button class="button" part="button" type="button" @click=${() => booking.again()}>
              ${t.again}
            </button>
          </div>`
        : host.asking
          ? html`<p>${t.ask}</p>
              <div class="actions">
                <button
                  class="button button--danger"
                  part="cancel"
                  type="button"
                  aria-disabled=${busy}
                  @click=${() => booking.cancel()}
                >
                  ${busy ? t.cancelling : t.yes}
                </button>
                <button
                  id="keep"
                  class="button button--secondary"
                  part="button"
                  type="button"
                  @click=${() => booking.ask(false)}
                >
                  ${t.no}
                </button>
              </div>`
          : html`<div class="actions">
              ${
                calendar
                  ? html`<a class="button" part="calendar" href=${calendar} download
                      >${t.calendar}</a
                    >`
                  : nothing
              }
              <button
                class="button button--secondary"
                part="cancel"
                type="button"
                @click=${() => booking.ask(true)}
              >
                ${t.cancel}
              </button>
            </div>`
    }
  </section>`
}
