/** Whether replacing a rule would change simulations dated before today: history is not rewritten. */
import type { FundingRule } from '../../contracts/funding-rules'

/** The parts of a rule that decide figures; its source and note only document them. */
function figures(rule: FundingRule): string {
  const { source: _source, note: _note, validTo: _validTo, ...rest } = rule
  return JSON.stringify(rest)
}

/**
 * A rule that has applied to past dates may only get new documentation, or an end moved to today
 * or later; any other change must be a new dated rule (and this one closed with `validTo`).
 */
export function rewritesPast(current: FundingRule, next: FundingRule, today: string): boolean {
  if (current.validFrom >= today) return false
  if (figures(current) !== figures(next)) return true
  if (current.validTo === next.validTo) return false
  // Moving the end changes the dates between the two ends: all must be today or later.
  const earlierEnd = [current.validTo, next.validTo]
    .filter((end): end is string => end !== null)
    .sort()[0]
  return earlierEnd !== undefined && earlierEnd < today
}
