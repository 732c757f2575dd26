/** A result column of the simulator: a scheme's amounts, chart, warnings and sourced lines, or why there are none. */
import { html, nothing } from 'lit'
import type { Scheme } from '../../api/contracts/funding-rules'
import type { SimulationResult } from '../../api/contracts/simulations'
import type { CommonWords, FormWords, Lang, SimulatorWords } from '../i18n/translation'
import { safeHttpUrl } from '../shared/api-client'
import { linkedText, newTabLink } from '../shared/links'
import { formatMoney } from '../shared/localize'
import { PAYERS, amountOf, amountText, simulationChart } from './simulation-chart'

/** One column of the result: a scheme's figures, or why there are none. */
export interface Column {
  scheme: Scheme
  result: SimulationResult | null
  message: string | null
  /** The message is a failure the visitor may retry (network, server). */
  retry?: boolean
}

type Words = CommonWords & FormWords & SimulatorWords

function lines(t: Words, result: SimulationResult, lang: Lang) {
  return html`<h3>${t.lines}</h3>
    <ul class="lines" part="lines">
      ${result.lines.map(
        // The rule's id is the API's, for support and logs: a visitor reads its source instead.
        ({ label, amountCents, payer, source }) =>
          html`<li class="line" part="line">
            <span>${label}</span>
            <strong class="line-amount">${formatMoney(amountCents, lang)}</strong>
            <span class="payer payer--${payer}">${t.payers[payer]}</span>
            <span class="source muted" part="source">
              ${source ? (newTabLink(t, source.url, t.source(source.date)) ?? t.source(source.date)) : t.entered}
            </span>
          </li>`,
      )}
    </ul>`
}

/**
 * In compare mode, how much less the company pays with one scheme than with the other; null
 * until both columns have a « reste à charge ».
 */
export function difference(t: Words, lang: Lang, [a, b]: Column[]): string | null {
  const mine = a?.result?.employerCostCents
  const other = b?.result?.employerCostCents
  if (mine == null || other == null) return null
  const [less, more] = mine > other ? [b!, a!] : [a!, b!]
  return mine === other
    ? t.same
    : t.difference(
        formatMoney(Math.abs(mine - other), lang),
        t.schemes[less.scheme],
        t.schemes[more.scheme],
      )
}

/** A column; `retry` runs the simulation again after a failure. */
export function resultColumn(
  t: Words,
  lang: Lang,
  { scheme, result, message, retry }: Column,
  onRetry: () => void,
) {
  return html`<section class="result" part="result" aria-label=${t.schemes[scheme]}>
    <h2 class="result-title">${t.schemes[scheme]}</h2>
    ${
      message
        ? html`<div class="notice ${retry ? 'notice--error' : ''}" part="message">
            <p>${message}</p>
            ${
              retry
                ? html`<button class="button" part="button" type="button" @click=${onRetry}>
                    ${t.retry}
                  </button>`
                : nothing
            }
          </div>`
        : nothing
    }
    ${
      result
        ? html`<dl class="amounts" part="amounts">
              ${PAYERS.map(
                (payer) =>
                  html`<div class="amount amount--${payer}" part="amount amount-${payer}">
                    <dt>${t.amounts[payer]}</dt>
                    <dd>${amountText(t, amountOf(result, payer), lang)}</dd>
                  </div>`,
              )}
              <div class="amount amount--total" part="amount amount-total">
                <dt>${t.total}</dt>
                <dd>${formatMoney(result.totalCostCents, lang)}</dd>
              </div>
            </dl>
            ${simulationChart(t, result, lang)}
            ${
              result.warnings.length
                ? html`<div class="warnings" part="warnings">
                    <h3>${t.warnings}</h3>
                    <ul>
                      ${result.warnings.map(
                        // The API names the OPCO's criteria page in the text: made a link, no HTML taken from data.
                        (warning) => html`<li>${linkedText(t, warning)}</li>`,
                      )}
                    </ul>
                  </div>`
                : nothing
            }
            ${result.lines.length ? lines(t, result, lang) : nothing}`
        : nothing
    }
  </section>`
}
