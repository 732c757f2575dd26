/** GET /v1/conventions/:idcc (IDCC → OPCO with confidence and reason) and GET /v1/conventions?q= (search). */
import { Hono } from 'hono'
import { ConventionQuery, IdccParam, LangQuery } from '../contracts/conventions'
import type { AppEnv } from '../env'
import { ProblemError } from '../middleware/problem'
import { validate } from '../middleware/validate'
import { jsonResponse, REFERENCE_HEADERS, sharedJson } from './json-response'

export const conventionRoutes = new Hono<AppEnv>()
  .get('/', validate('query', ConventionQuery), async (c) => {
    const { q, limit } = c.req.valid('query')
    // The catalog memoises searches, so the same query serialises its items once: `{ items }` (ConventionSearchResult).
    const items = (await c.var.catalog()).search(q, limit)
    return jsonResponse(`{"items":${sharedJson(items)}}`, REFERENCE_HEADERS)
  })
  .get('/:idcc', validate('param', IdccParam), validate('query', LangQuery), async (c) => {
    const { idcc } = c.req.valid('param')
    const answer = (await c.var.catalog()).find(idcc, c.req.valid('query').lang)
    if (!answer) {
      throw new ProblemError(
        'unknown-idcc',
        `L'IDCC ${idcc} ne correspond à aucune convention collective connue. Vérifiez le code sur un bulletin de paie, ou cherchez par mots du nom de la convention.`,
      )
    }
    return jsonResponse(sharedJson(answer), REFERENCE_HEADERS)
  })
