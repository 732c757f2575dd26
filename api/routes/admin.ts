/** PUT /v1/admin/funding-rules/:id (behind the admin bearer token, app.ts) — adds a dated rule, or replaces one as a new revision (the old ones stay). */
import { Hono } from 'hono'
import { z } from 'zod'
import { putRule, ruleHistory } from '../../db/funding-rules'
import { FundingRule, RuleId } from '../contracts/funding-rules'
import type { AppEnv } from '../env'
import { ProblemError, type FieldError } from '../middleware/problem'
import type { ConventionCatalog } from '../domain/convention-catalog'
import { parisDate } from '../domain/calendar'
import { rewritesPast } from '../domain/funding/rule-change'
import { validate } from '../middleware/validate'
import type { Clock } from '../services/clock'
import type { FundingRuleStore } from '../services/funding-rule-store'
import { jsonResponse, NO_STORE_HEADERS } from './json-response'

const RuleIdParam = z.object({ id: RuleId })

/** Branch scope of a rule: each IDCC known, and the rule's OPCO one its companies declare. */
function scopeErrors(rule: FundingRule, catalog: ConventionCatalog): FieldError[] {
  return (rule.idcc ?? []).flatMap((idcc, index) => {
    const convention = catalog.find(idcc)
    const pointer = `/body/idcc/${index}`
    if (!convention || convention.escapeCode) return [{ pointer, detail: `IDCC ${idcc} inconnu.` }]
    const opcos = [
      convention.opco?.id,
      ...convention.alternatives.map((alternative) => alternative.opcoId),
    ]
    if (rule.opcoId && !opcos.includes(rule.opcoId)) {
      return [{ pointer, detail: `L'IDCC ${idcc} ne relève pas de ${rule.opcoId}.` }]
    }
    return []
  })
}

export function adminRoutes(options: { store: FundingRuleStore; clock: Clock }) {
  return new Hono<AppEnv>().put(
    '/funding-rules/:id',
    validate('param', RuleIdParam),
    validate('json', FundingRule),
    async (c) => {
      const { id } = c.req.valid('param')
      const rule = c.req.valid('json')
      if (rule.id !== id) {
        throw new ProblemError(
          'validation-error',
          `L'id du corps (${rule.id}) doit être celui de l'adresse (${id}).`,
          {
            errors: [{ pointer: '/body/id', detail: `Doit valoir ${id}.` }],
          },
        )
      }
      const errors = scopeErrors(rule, await c.var.catalog())
      if (errors.length > 0) {
        throw new ProblemError('validation-error', errors.map((error) => error.detail).join(' '), {
          errors,
        })
      }
      const current = (await ruleHistory(c.var.db, id)).at(-1)
      if (current && rewritesPast(current.rule, rule, parisDate(options.clock.now()))) {
        throw new ProblemError(
          'rule-history',
          `La règle ${id} s'applique déjà à des dates passées : ajoutez une nouvelle règle datée (validFrom à partir d'aujourd'hui) et fermez celle-ci avec validTo, sans changer ses montants ni son début.`,
        )
      }
      const revision = await putRule(
        c.var.db,
        rule,
        'admin',
        new Date(options.clock.now()).toISOString(),
      )
      options.store.invalidate()
      return jsonResponse(
        JSON.stringify({ ...rule, revision }),
        NO_STORE_HEADERS,
        revision === 1 ? 201 : 200,
      )
    },
  )
}
