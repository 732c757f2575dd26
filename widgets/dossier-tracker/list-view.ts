/** The dossier list: filters by who is awaited, a search, one card per dossier (late ones first, as the API sorts them), pages. */
import { html, nothing } from 'lit'
import type { DossierList, DossierView } from '../../api/contracts/dossiers'
import type { MemberRole } from '../../api/contracts/members'
import type { Lang, Waiting } from '../i18n/translation'
import { secondary } from './fields'
import { nextText, trainingDates } from './next-action'
import type { Words } from './step-form'

export interface ListHandlers {
  filter: (waiting: Waiting) => void
  search: (event: SubmitEvent) => void
  open: (id: string) => void
  turn: (step: number) => void
}

const FILTERS: Waiting[] = ['me', 'late', 'all']

function card(
  dossier: DossierView,
  role: MemberRole | undefined,
  lang: Lang,
  t: Words,
  open: (id: string) => void,
) {
  const late = dossier.nextAction?.late
  // The whole card opens the dossier on a click; its reference is the button keyboards reach, whose
  // click bubbles here.
  return html`<li
    class="card ${late ? 'card--late' : ''}"
    part="row"
    @click=${() => open(dossier.id)}
  >
    <h3>
      <button class="open" part="open" id="open-${dossier.id}" type="button">
        ${dossier.reference}
      </button>
    </h3>
    <p>${dossier.company.name} · ${dossier.training.title}</p>
    <p class="muted">${trainingDates(dossier, lang, t)}</p>
    <p class="tags">
      <span class="tag" part="state">${t.states[dossier.state]}</span>
      ${late ? html`<span class="tag tag--late" part="late">${t.late}</span>` : nothing}
    </p>
    <p class="next" part="next">${nextText(dossier, role, lang, t)}</p>
  </li>`
}

export function listView(
  state: { list: DossierList | null; waiting: Waiting; query: string; loading: boolean },
  role: MemberRole | undefined,
  lang: Lang,
  t: Words,
  handlers: ListHandlers,
) {
  const { list, waiting, query } = state
  const pages = list ? Math.max(1, Math.ceil(list.total / list.pageSize)) : 1
  return html`<div class="filters" part="filters" role="group" aria-label=${t.filters}>
      ${FILTERS.map(
        (filter) =>
          html`<button
            class="button button--secondary filter"
            part="filter"
            type="button"
            aria-pressed=${filter === waiting}
            @click=${() => handlers.filter(filter)}
          >
            ${t.waiting[filter]}
          </button>`,
      )}
    </div>
    <form class="search" part="search" role="search" @submit=${handlers.search}>
      <label class="label" for="q">${t.search}</label>
      <div class="search-row">
        <input id="q" name="q" class="input" part="input" type="search" .value=${query} />
        <button class="button" part="button">${t.searchButton}</button>
      </div>
    </form>
    ${
      state.loading && !list
        ? html`<p class="muted" part="message">${t.loading}</p>`
        : list && list.items.length === 0
          ? html`<p class="notice" part="message">
              ${query ? t.noMatch(query) : t.empty[waiting]}
            </p>`
          : list
            ? html`<ul class="cards" part="list" aria-busy=${state.loading}>
                  ${list.items.map((dossier) => card(dossier, role, lang, t, handlers.open))}
                </ul>
                ${
                  pages > 1
                    ? html`<nav class="pager" part="pager" aria-label=${t.pages}>
                        ${secondary(t.previous, () => handlers.turn(-1), { disabled: list.page <= 1 })}
                        <span>${t.page(list.page, pages)}</span>
                        ${secondary(t.next, () => handlers.turn(1), { disabled: list.page >= pages })}
                      </nav>`
                    : nothing
                }`
            : nothing
    }`
}
