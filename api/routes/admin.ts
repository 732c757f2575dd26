/** PUT /v1/admin/funding-rules/:id — adds a dated rule, or replaces one as a new revision (the old ones stay). */
import { Hono } from 'hono'
import { z } from 'zod'
import { putRule } from '../../db/funding-rules'
import { FundingRule, RuleId } from '../contracts/funding-rules'
import type { AppEnv } from '../env'
import { adminAuth } from '../middleware/admin-auth'
import { ProblemError } from '../middleware/problem'
import { validate } from '../middleware/validate'
import type { Clock } from '../services/clock'
import type { FundingRuleStore } from '../services/funding-rule-store'
import { API_HEADERS } from '../middleware/response-headers'
import { jsonResponse } from './json-response'

const RuleIdParam = z.object({ id: RuleId })

const ADMIN_HEADERS = {
  ...API_HEADERS,
  'Content-Type': 'application/json',
  'Cache-Control': 'no-store',
}

export function adminRoutes(options: {
  adminToken: string | undefined
  store: FundingRuleStore
  clock: Clock
}) {
  return new Hono<AppEnv>()
    .use(adminAuth(options.adminToken))
    .put(
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
        const revision = await putRule(
          c.var.db,
          rule,
          'admin',
          new Date(options.clock.now()).toISOString(),
        )
        options.store.invalidate()
        return jsonResponse(
          JSON.stringify({ ...rule, revision }),
          ADMIN_HEADERS,
          revision === 1 ? 201 : 200,
        )
      },
    )
}
