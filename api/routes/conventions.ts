/** GET /v1/conventions/:idcc (IDCC → OPCO with confidence and reason) and GET /v1/conventions?q= (search). */
import { Hono } from 'hono'
import { ConventionQuery, IdccParam, type ConventionSearchResult } from '../contracts/conventions'
import type { AppEnv } from '../env'
import { ProblemError } from '../middleware/problem'
import { validate } from '../middleware/validate'
import { REFERENCE_CACHE_CONTROL } from './cache-control'

export const conventionRoutes = new Hono<AppEnv>()
  .get('/', validate('query', ConventionQuery), async (c) => {
    const { q, limit } = c.req.valid('query')
    const body: ConventionSearchResult = { items: (await c.var.catalog()).search(q, limit) }
    return c.json(body, 200, { 'Cache-Control': REFERENCE_CACHE_CONTROL })
  })
  .get('/:idcc', validate('param', IdccParam), async (c) => {
    const { idcc } = c.req.valid('param')
    const answer = (await c.var.catalog()).find(idcc)
    if (!answer) {
      throw new ProblemError(404, 'unknown-idcc', 'Convention inconnue', `L'IDCC ${idcc} ne correspond à aucune convention collective connue. Vérifiez le code sur un bulletin de paie, ou cherchez par mots du nom de la convention.`)
    }
    return c.json(answer, 200, { 'Cache-Control': REFERENCE_CACHE_CONTROL })
  })
