/** Which dated funding rule applies: in force on the date, and the most specific for the OPCO and branch. */
import type { FundingRule, RuleKind, Scheme } from '../../contracts/funding-rules'
import type { OpcoId } from '../../contracts/opcos'

export interface RuleScope {
  opcoId: OpcoId | null
  idcc: string | null
  /** The OPCO's own branch label, when the request names one. */
  branch?: string | null
}

/** ISO dates (YYYY-MM-DD) order as strings. */
export function inForce(rule: FundingRule, date: string): boolean {
  return rule.validFrom <= date && (rule.validTo === null || date <= rule.validTo)
}

/** 2: the branch's own rule (by IDCC or by the OPCO's branch label); 1: the OPCO's rule for all its branches; 0: national; -1: not for this scope. */
function specificity(rule: FundingRule, scope: RuleScope): number {
  if (rule.opcoId !== null && rule.opcoId !== scope.opcoId) return -1
  if (rule.branch !== null) return scope.branch === rule.branch ? 2 : -1
  if (rule.idcc !== null) return scope.idcc !== null && rule.idcc.includes(scope.idcc) ? 2 : -1
  return rule.opcoId === null ? 0 : 1
}

/**
 * The rule of this kind and scheme in force on `date` that fits the scope best; among equally
 * specific rules the latest `validFrom` wins, so a new dated rule never rewrites the past.
 */
export function ruleInForce<K extends RuleKind>(
  rules: readonly FundingRule[],
  kind: K,
  scheme: Scheme,
  date: string,
  scope: RuleScope,
): Extract<FundingRule, { kind: K }> | null {
  let best: Extract<FundingRule, { kind: K }> | null = null
  let bestSpecificity = -1
  for (const rule of rules) {
    if (rule.kind !== kind || rule.scheme !== scheme || !inForce(rule, date)) continue
    const fit = specificity(rule, scope)
    if (fit < 0) continue
    if (
      fit > bestSpecificity ||
      (fit === bestSpecificity && best !== null && rule.validFrom > best.validFrom)
    ) {
      best = rule as Extract<FundingRule, { kind: K }>
      bestSpecificity = fit
    }
  }
  return best
}
