/** The finder's result card: the convention or company, its OPCO and why, the funding-request steps and the call to action. */
import { html, nothing } from 'lit'
import type { CompanyAnswer } from '../../api/contracts/companies'
import type { Confidence, ConventionAnswer } from '../../api/contracts/conventions'
import type { Opco } from '../../api/contracts/opcos'
import type { CommonWords, FinderWords, Lang } from '../i18n/translation'
import { safeHttpUrl } from '../shared/api-client'
import { formatShare } from '../shared/localize'
import { fundingSteps } from './funding-steps'
import { companyId } from './query'
import { linkedText, newTabLink } from '../shared/links'

export const DEFAULT_BOOKING_URL =
  'https://meetings.hubspot.com/mehdi-abakri/rencontrer-mon-conseiller-en-formation'

/** The card's answer: a company's carries its SIRET, a convention's does not. */
export type Result = ConventionAnswer | CompanyAnswer

type Words = CommonWords & FinderWords

/** What the card reads of the finder: the OPCOs once named, the booking page. */
export interface CardHost {
  opcos?: Map<string, Opco> | null
  bookingUrl: string
}

/** Short name of an OPCO known by its id only; the id itself until GET /v1/opcos answers. */
export function opcoName(host: CardHost, id: string): string {
  return host.opcos?.get(id)?.shortName ?? id
}

/**
 * A booking widget on the same page takes the visitor rather than a new tab: the page scrolls to
 * it and focus lands on its title, and it already carries the company the finder found.
 */
function toInlineBooking(event: MouseEvent) {
  const booking = document.querySelector<HTMLElement>('ganapati-booking-link')
  // Ctrl-, Cmd- or Shift-click still opens the link where the visitor asked.
  if (!booking || event.ctrlKey || event.metaKey || event.shiftKey) return
  event.preventDefault()
  booking.scrollIntoView({ behavior: 'smooth', block: 'start' })
  booking.focus({ preventScroll: true })
}

function opcoSection(
  host: CardHost,
  t: Words,
  lang: Lang,
  {
    opco,
    confidence,
    reason,
  }: { opco: Opco | null; confidence: Confidence | null; reason: string },
  alternatives: ConventionAnswer['alternatives'] = [],
) {
  const short = opco?.shortName ?? t.noOpco
  const criteria = safeHttpUrl(opco?.fundingCriteriaUrl)
  return html`<section class="opco" aria-labelledby="opco-heading">
    <h3 class="section-label" id="opco-heading">${t.yourOpco}</h3>
    <div class="opco-head">
      <p class="opco-name" part="opco-name">${short}</p>
      ${
        confidence
          ? html`<p class="confidence confidence--${confidence}" part="confidence">
              ${t.confidence[confidence]}
            </p>`
          : nothing
      }
    </div>
    ${opco && opco.name !== short ? html`<p class="muted">${opco.name}</p>` : nothing}
    <p part="reason">${linkedText(t, reason)}</p>
    ${
      alternatives.length
        ? html`<p class="muted">
            ${t.alternatives}
            ${alternatives
              .map((a) => `${opcoName(host, a.opcoId)} (${formatShare(a.share, lang)})`)
              .join(', ')}
          </p>`
        : nothing
    }
    ${
      opco
        ? html`<p class="muted">${opco.sectors}</p>
            <p>
              ${
                criteria
                  ? newTabLink(t, criteria, t.criteria(short))
                  : html`${t.perBranch} ${newTabLink(t, opco.website, t.website(short))}`
              }
            </p>`
        : nothing
    }
  </section>`
}

function stepsSection(t: Words, lang: Lang, opco: Opco | null) {
  // A condition the OPCO's flyer states (L’Opcommerce: only justified actions are funded).
  const note = opco?.fundingRequest?.note?.[lang]
  return opco
    ? html`<section class="steps" aria-labelledby="steps-heading">
        <h3 class="section-label" id="steps-heading">${t.steps}</h3>
        <ol class="step-list" part="steps">
          ${fundingSteps(opco, lang, t).map(
            (step) =>
              html`<li class="step">
                <span class="actor actor--${step.actor}">${t.actors[step.actor]}</span>
                <span>${step.text}</span>
              </li>`,
          )}
        </ol>
        ${note ? html`<p class="muted">${note}</p>` : nothing}
      </section>`
    : nothing
}

/** The card of a convention or a company answer. */
export function resultCard(host: CardHost, t: Words, lang: Lang, result: Result) {
  const company = 'siret' in result ? result : null
  const convention = 'siret' in result ? null : result
  const chosen = company?.idcc
  return html`<article class="card" part="card" aria-labelledby="card-title">
    <header class="card-header">
      <p class="section-label">
        ${company ? `${t.company} · ${companyId(company)}` : `${t.convention} · IDCC`}
        ${convention ? html`<span class="code">${convention.idcc}</span>` : nothing}
      </p>
      <h2 class="card-title" part="title" id="card-title">
        ${company?.name ?? convention?.title ?? t.untitled}
      </h2>
      ${company?.address ? html`<p class="muted">${company.address}</p>` : nothing}
      ${
        company && !company.active
          ? html`<p class="confidence confidence--low">${t.closed}</p>`
          : nothing
      }
    </header>
    ${
      company
        ? html`<section aria-labelledby="conventions-heading">
            <h3 class="section-label" id="conventions-heading">${t.companyConventions}</h3>
            <ul class="convention-list">
              ${company.conventions.map(
                (c) =>
                  html`<li class="convention ${c.idcc === chosen ? 'convention--chosen' : ''}">
                    <span class="code">${c.idcc}</span>
                    <span>${c.title ?? t.untitled}</span>
                    <strong>${c.opco?.shortName ?? t.noOpco}</strong>
                    ${c.idcc === chosen ? html`<span class="chosen">${t.chosen}</span>` : nothing}
                  </li>`,
              )}
            </ul>
          </section>`
        : nothing
    }
    ${opcoSection(host, t, lang, result, convention?.alternatives)}
    ${stepsSection(t, lang, result.opco)}
    <footer class="card-footer">
      ${newTabLink(
        t,
        safeHttpUrl(host.bookingUrl) ?? DEFAULT_BOOKING_URL,
        t.book,
        'button booking-link',
        toInlineBooking,
      )}
      ${convention ? html`<p class="muted">${t.source} ${convention.source.edition}</p>` : nothing}
    </footer>
  </article>`
}
