/** The simulator's chart of who pays what: bars on one scale, named by the amounts they draw. */
import { html, nothing, svg } from 'lit'
import type { Payer, SimulationResult } from '../../api/contracts/simulations'
import type { Lang, SimulatorWords } from '../i18n/translation'
import { formatMoney } from '../shared/localize'

export const PAYERS: Payer[] = ['opco', 'employer', 'state']

/** An amount of the result by payer; null when no figure is known. */
export const amountOf = (result: SimulationResult, payer: Payer): number | null =>
  payer === 'opco'
    ? result.opcoFundingCents
    : payer === 'employer'
      ? result.employerCostCents
      : result.stateAidCents

/** An amount in words: its euros, or « Montant non estimé ». */
export const amountText = (t: SimulatorWords, cents: number | null, lang: Lang): string =>
  cents == null ? t.unknown : formatMoney(cents, lang)

/** « OPCO : 6 250 €, Entreprise : 2 250 €, État : 2 000 € »: the chart's name, and what is announced. */
export function summary(
  t: SimulatorWords & { colon: string },
  result: SimulationResult,
  lang: Lang,
): string {
  return PAYERS.map(
    (payer) => `${t.payers[payer]}${t.colon}${amountText(t, amountOf(result, payer), lang)}`,
  ).join(', ')
}

/**
 * Width of the longest bar in the chart's 400 × 84 view box, after the 110 units of the labels:
 * room for « Entreprise » in the larger type of narrow screens.
 */
const BAR_SPAN = 160
const ROW = 28

/** Each payer's bar: its row's top and its width, on the scale of the largest amount. */
export function chartBars(amounts: (number | null)[]): { y: number; width: number }[] {
  const max = Math.max(...amounts.map((cents) => cents ?? 0), 1)
  return amounts.map((cents, i) => ({ y: i * ROW, width: ((cents ?? 0) / max) * BAR_SPAN }))
}

/** Who pays what, as bars on one scale; its accessible name carries the amounts. */
export function simulationChart(
  t: SimulatorWords & { colon: string },
  result: SimulationResult,
  lang: Lang,
) {
  const amounts = PAYERS.map((payer) => amountOf(result, payer))
  // Nothing estimated: bars of zero would draw an empty chart; the amounts above say it in words.
  if (!amounts.some(Boolean)) return nothing
  const label = summary(t, result, lang)
  return html`<svg class="chart" part="chart" role="img" aria-label=${label} viewBox="0 0 400 84">
    <title>${label}</title>
    ${chartBars(amounts).map(
      ({ y, width }, i) =>
        svg`<text y=${y + 17}>${t.payers[PAYERS[i]!]}</text>
          <rect class="bar bar--${PAYERS[i]}" x="110" y=${y + 3} height="20" width=${width}></rect>
          <text x=${width + 116} y=${y + 17}>${amountText(t, amounts[i] ?? null, lang)}</text>`,
    )}
  </svg>`
}
