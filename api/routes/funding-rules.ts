/** GET /v1/funding-rules?scheme=&opcoId=&date= — the rules in force, with their figures and sources. */
import { Hono } from 'hono'
import { z } from 'zod'
import { Scheme } from '../contracts/funding-rules'
import { OpcoId } from '../contracts/opcos'
import { parisDate } from '../domain/calendar'
import { inForce } from '../domain/funding/rule-selection'
import type { AppEnv } from '../env'
import { validate } from '../middleware/validate'
import type { Clock } from '../services/clock'
import type { FundingRuleStore } from '../services/funding-rule-store'
import { API_HEADERS } from '../middleware/response-headers'
import { jsonResponse } from './json-response'

/** An admin change reaches every cache within a minute. */
const RULES_HEADERS = {
  ...API_HEADERS,
  'Content-Type': 'application/json',
  'Cache-Control': 'public, max-age=60',
}

const FundingRulesQuery = z.object({
  scheme: Scheme.optional(),
  opcoId: OpcoId.optional(),
  date: z.iso.date({ message: 'Une date au format AAAA-MM-JJ.' }).optional(),
})

export function fundingRuleRoutes(store: FundingRuleStore, clock: Clock) {
  return new Hono<AppEnv>().get('/', validate('query', FundingRulesQuery), async (c) => {
    const { scheme, opcoId, date = parisDate(clock.now()) } = c.req.valid('query')
    const items = (await store.rules(c.var.db))
      .filter(({ rule }) => inForce(rule, date))
      .filter(({ rule }) => !scheme || rule.scheme === scheme)
      // An OPCO sees the national rules and its own; without one, every rule in force.
      .filter(({ rule }) => !opcoId || rule.opcoId === null || rule.opcoId === opcoId)
      .map(({ rule, revision }) => ({ ...rule, revision }))
    return jsonResponse(JSON.stringify({ date, items }), RULES_HEADERS)
  })
}
