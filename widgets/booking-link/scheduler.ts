/** The booking scheduler's view: the period's free days, the chosen day's slots, the pager; arrows move inside each group. */
import { html, nothing, type TemplateResult } from 'lit'
import type { Lang } from '../i18n/translation'
import { PERIOD_DAYS, type BookingController } from './booking-controller'
import type { GanapatiBookingLink } from './booking-link'
import { noticeView, type Words } from './booking-parts'
import { handleArrows, tabStop } from './roving-focus'
import { addDays, formatDay, formatTime, parisTime, slotsByDay, zoneName } from './slot-format'

/** A group of day or slot buttons: one tab stop (the chosen one), arrows inside. */
function choices<T>(
  id: 'days' | 'slots',
  label: string,
  items: T[],
  pressed: (item: T) => boolean,
  content: (item: T) => TemplateResult,
  pick: (item: T) => void,
) {
  const stop = tabStop(items.map(pressed))
  return html`<h3 class="step" id="${id}-title" tabindex="-1">${label}</h3>
    <div class=${id} part=${id} role="group" aria-labelledby="${id}-title" @keydown=${handleArrows}>
      ${items.map(
        (item, i) =>
          html`<button
            type="button"
            class="choice"
            part=${id.slice(0, -1)}
            aria-pressed=${pressed(item)}
            tabindex=${i === stop ? 0 : -1}
            @click=${() => pick(item)}
          >
            ${content(item)}
          </button>`,
      )}
    </div>`
}

function pagerButton(label: string, turn: () => void) {
  return html`<button class="button button--secondary" part="button" type="button" @click=${turn}>
    ${label}
  </button>`
}

/** The call's length and zone, the free days of the period, the pager, the chosen day's slots. */
export function scheduler(
  host: GanapatiBookingLink,
  booking: BookingController,
  t: Words,
  lang: Lang,
) {
  const { zone, from } = booking
  const { period, day, chosen } = host
  const days = slotsByDay(host.slots, zone)
  const first = host.slots[0]
  const minutes = first ? (Date.parse(first.end) - Date.parse(first.start)) / 60_000 : 0
  return html`${
      minutes ? html`<p>${t.intro(minutes, booking.advisorName ?? t.anAdvisor)}</p>` : nothing
    }
    <p class="muted">${t.zone(zoneName(zone, lang))}</p>
    ${chosen ? nothing : noticeView(host.notice)}
    ${
      days.size
        ? choices(
            'days',
            t.days,
            [...days.keys()],
            (each) => each === day,
            // A week strip: « lun. / 24 / nov. » seen, the whole date and the slot count heard.
            (each) =>
              html`<span class="day" aria-hidden="true"
                  ><span class="choice-aside">${formatDay(each, lang, { weekday: 'short' })}</span>
                  <span class="choice-main">${formatDay(each, lang, { day: 'numeric' })}</span>
                  <span class="choice-aside"
                    >${formatDay(each, lang, { month: 'short' })}</span
                  ></span
                ><span class="visually-hidden"
                  >${formatDay(each, lang)}, ${t.count(days.get(each)!.length)}</span
                >`,
            (each) => booking.pickDay(each),
          )
        : html`<p class="notice" part="message" id="days-title" tabindex="-1">
            ${
              period
                ? t.emptyLater(
                    formatDay(from, lang),
                    formatDay(addDays(from, PERIOD_DAYS - 1), lang),
                  )
                : t.empty(PERIOD_DAYS)
            }
          </p>`
    }
    <div class="pager" part="pager">
      ${period ? pagerButton(t.previous(PERIOD_DAYS), () => void booking.turn(-1)) : nothing}
      ${
        days.size || !period
          ? pagerButton(t.next(PERIOD_DAYS), () => void booking.turn(1))
          : nothing
      }
    </div>
    ${
      day
        ? choices(
            'slots',
            t.slots(formatDay(day, lang)),
            days.get(day) ?? [],
            (slot) => slot.start === chosen?.start,
            (slot) => {
              const paris = parisTime(slot.start, lang, zone)
              return html`<span class="choice-main">${formatTime(slot.start, lang, zone)}</span>
                ${paris ? html`<span class="choice-aside">(${paris} ${t.paris})</span>` : nothing}`
            },
            (slot) => booking.pickSlot(slot),
          )
        : nothing
    }`
}
